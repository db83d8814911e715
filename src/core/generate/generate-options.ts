// The options of a synthetic generation run, checked first with a message naming the option.
import { fail } from '../errors.ts';
import { type FinancialYear, parseFinancialYear } from '../units.ts';

export const DEFAULT_GENERATION_YEARS = ['2023/24', '2024/25', '2025/26'] as const;
export const GENERATION_FORMATS = ['csv', 'parquet'] as const;
export type GenerationFormat = (typeof GENERATION_FORMATS)[number];

/** The largest seed: seeds are 32-bit, so larger ones would silently repeat smaller ones. */
export const MAX_SEED = 4294967295;

export interface GenerationPlan {
  rows: number;
  seed: number;
  format: GenerationFormat;
  years: FinancialYear[];
}

/** Checks the options; `optionPrefix` ('--' on the command line) is put before option names in errors. */
export function checkGenerationOptions(
  options: { rows: number; seed: number; out: string; years?: readonly string[] },
  optionPrefix = '',
): GenerationPlan {
  const bad = (option: string, message: string, received: string, accepted: string): never =>
    fail('FP_GENERATE_BAD_OPTION', message, { where: { parameter: `${optionPrefix}${option}` }, received, accepted });
  if (!Number.isSafeInteger(options.rows) || options.rows <= 0) {
    bad('rows', 'The number of rows must be a whole number above 0.', String(options.rows), 'an integer ≥ 1');
  }
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > MAX_SEED) {
    bad(
      'seed',
      'The seed must be a whole number from 0 to 4294967295.',
      String(options.seed),
      `an integer 0–${MAX_SEED}`,
    );
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(options.out)?.[1]?.toLowerCase();
  if (extension !== 'csv' && extension !== 'parquet') {
    bad('out', 'The output file must end in .csv or .parquet.', options.out, 'FILE.csv or FILE.parquet');
  }
  const yearTexts = options.years ?? DEFAULT_GENERATION_YEARS;
  if (yearTexts.length === 0) bad('years', 'At least one financial year is needed.', '(none)', 'years such as 2024/25');
  const years = yearTexts.map(
    (text) =>
      parseFinancialYear(text) ?? bad('years', `${text} is not a financial year.`, text, 'years such as 2024/25'),
  );
  if (new Set(years).size !== years.length) {
    bad('years', 'A financial year is given twice.', yearTexts.join(' '), 'distinct years');
  }
  return { rows: options.rows, seed: options.seed, format: extension as GenerationFormat, years };
}
