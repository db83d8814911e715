// Parsing of command-line option values into checked numbers, financial years and the run a command reads
// (--dataset, --geography), with errors naming the option.
import { Option } from 'commander';
import { fail } from '../core/errors.ts';
import { DEFAULT_VINTAGE, GEOGRAPHY_VINTAGES, type GeographyVintage, ICB_COUNT } from '../core/geography/vintage.ts';
import { type FinancialYear, parseFinancialYear } from '../core/units.ts';
import { parseVintage } from '../data/reference/geography.ts';

export function parseWholeNumber(text: string, option: string, minimum: number): number {
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value < minimum) {
    fail('FP_CLI_BAD_OPTION', `${option} must be a whole number of at least ${minimum}.`, {
      where: { parameter: option },
      received: text,
      accepted: `a whole number ≥ ${minimum}`,
    });
  }
  return value;
}

/** The --dataset option of every command that reads activity results. */
export const DATASET_OPTION = ['--dataset <name>', 'activity dataset (default: the current dataset)'] as const;

/** --year: a financial year such as 2024/25, parsed once here and carried as a FinancialYear. */
export function parseYearOption(text: string, option = '--year'): FinancialYear {
  const year = parseFinancialYear(text);
  if (!year) {
    fail('FP_CLI_BAD_OPTION', `"${text}" is not a financial year.`, {
      where: { parameter: option },
      received: text,
      accepted: 'a financial year such as 2024/25',
    });
  }
  return year;
}

/** The --year option, parsed by parseYearOption. */
export const yearOption = (description: string) =>
  ['--year <year>', description, (text: string) => parseYearOption(text)] as const;

/** What DATASET_OPTION and geographyOption add: the run a command reads, as readRunContext is asked it. */
export interface RunCliOptions {
  dataset?: string;
  geography: GeographyVintage;
}

/** --geography, the run's geography vintage, taken the same way by every command that reads a stored run
 * (beside DATASET_OPTION). vintages: the geographies the command's figures can be drawn on (default every
 * one); another is refused with a message naming those there are, never silently answered on the current one. */
export function geographyOption(vintages: readonly GeographyVintage[] = GEOGRAPHY_VINTAGES): Option {
  const described = vintages.map((v) => `${v} (${ICB_COUNT[v]} ICBs${v === DEFAULT_VINTAGE ? ', current' : ''})`);
  return new Option('--geography <vintage>', `ICB boundaries: ${described.join(' or ')}`)
    .default(DEFAULT_VINTAGE)
    .argParser((text: string) => {
      const vintage = parseVintage(text);
      if (!vintages.includes(vintage)) {
        fail('FP_CLI_BAD_OPTION', `This command's figures are drawn on the ${vintages.join(' or ')} geography only.`, {
          where: { parameter: '--geography' },
          received: text,
          accepted: vintages.join(', '),
        });
      }
      return vintage;
    });
}
