// Branded types: a code or an amount cannot be passed where another kind is expected.
import { z } from 'zod';

declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Pounds sterling. Exact sums are done in the database (DECIMAL); core arithmetic is on numbers and
 * rounded to the penny only for display. */
export type Pounds = Brand<number, 'Pounds'>;
/** A financial year label, April to March: '2024/25'. */
export type FinancialYear = Brand<string, 'FinancialYear'>;
/** ODS code of an integrated care board, e.g. 'QWE'. */
export type IcbCode = Brand<string, 'IcbCode'>;
/** ODS code of an NHS England region, e.g. 'Y56'. */
export type RegionCode = Brand<string, 'RegionCode'>;
/** ODS code of a sub-ICB location, e.g. '36L'. */
export type SubIcbCode = Brand<string, 'SubIcbCode'>;
/** ODS code of a provider (trust or independent sector), e.g. 'RJ1'. */
export type ProviderCode = Brand<string, 'ProviderCode'>;
/** A prescribed specialised service's code as in the catalogue, e.g. '2A', or a local key such as 'LOCAL-BURN-CARE'
 * for a service with no official number. */
export type ServiceCode = Brand<string, 'ServiceCode'>;

export const pounds = (n: number): Pounds => n as Pounds;

const FINANCIAL_YEAR = /^(\d{4})\/(\d{2})$/;

/** Parses '2024/25'; the second part must be the year after the first. Returns null when malformed. */
export function parseFinancialYear(text: string): FinancialYear | null {
  const m = FINANCIAL_YEAR.exec(text.trim());
  if (!m) return null;
  const start = Number(m[1]);
  if ((start + 1) % 100 !== Number(m[2])) return null;
  return `${m[1]}/${m[2]}` as FinancialYear;
}

/** The financial-year rule as a schema, for every request, scenario and file field that holds one: text that
 * parseFinancialYear accepts ('2024/25', the second part the year after the first), carried on as a
 * FinancialYear. It stays a plain string schema (so the OpenAPI document and the response serialiser see
 * text); only its type is the brand, because the refinement is the brand's rule. */
export const financialYearText = (example = '2024/25'): z.ZodType<FinancialYear, string> =>
  z.string().refine((text) => parseFinancialYear(text) !== null, `a financial year such as ${example}`) as z.ZodType<
    string,
    string
  > as z.ZodType<FinancialYear, string>;

/** The calendar year in which a financial year starts: '2024/25' → 2024. */
export function financialYearStart(year: FinancialYear): number {
  return Number(year.slice(0, 4));
}

/** The financial year that starts in April of the given calendar year: 2024 → '2024/25'. */
export function financialYearStarting(calendarYear: number): FinancialYear {
  return `${calendarYear}/${String((calendarYear + 1) % 100).padStart(2, '0')}` as FinancialYear;
}

/** Rounds pounds to the penny for display. */
export function roundToPenny(amount: number): number {
  return Math.round(amount * 100) / 100;
}
