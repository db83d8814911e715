// What an import accepts beyond the form of each value (docs/data-format.md): financial years within a
// window, by default 2000/01 to ten years after the current one; activity and patients at most a billion a
// row; cost within what the workspace stores exactly. Values past these are refused row by row with their
// own code, never stored.
import { fail } from '../errors.ts';

/** First and last financial years accepted, by the calendar year each starts in (2024 for 2024/25). */
export interface YearWindow {
  first: number;
  last: number;
}

/** The most activity or patients one row may carry: far above any real count, far below where a DOUBLE
 * sum stops counting in whole units. */
export const MAX_ROW_COUNT = 1_000_000_000;

/** Cost is read at DECIMAL(18,6) to see a third decimal place, so a row's cost is below £1 trillion. */
export const MAX_ROW_COST = 1_000_000_000_000;

/** The financial years `activity` can store (its ENUM of years, migration 024): 1900/01 to 2199/00. An
 * import's window lies within them. */
export const STORED_YEARS: YearWindow = { first: 1900, last: 2199 };

export const financialYearText = (start: number): string =>
  `${String(start).padStart(4, '0')}/${String((start + 1) % 100).padStart(2, '0')}`;

/** The default window: 2000/01 to ten years after the financial year `today` falls in (April to March). */
export function defaultYearWindow(today: Date): YearWindow {
  const current = today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return { first: 2000, last: current + 10 };
}

/** A window written 2000/01-2036/37 (or with ..), for the command line; FP_IMPORT_BAD_YEAR_WINDOW otherwise. */
export function parseYearWindow(text: string, parameter = '--years'): YearWindow {
  const match = /^(\d{4})\/(\d{2})\s*(?:-|\.\.)\s*(\d{4})\/(\d{2})$/.exec(text.trim());
  const first = match ? Number(match[1]) : Number.NaN;
  const last = match ? Number(match[3]) : Number.NaN;
  const stored = first >= STORED_YEARS.first && last <= STORED_YEARS.last;
  if (
    !match ||
    (first + 1) % 100 !== Number(match[2]) ||
    (last + 1) % 100 !== Number(match[4]) ||
    first > last ||
    !stored
  ) {
    fail('FP_IMPORT_BAD_YEAR_WINDOW', `${JSON.stringify(text)} is not a window of financial years.`, {
      where: { parameter },
      received: text,
      accepted: `FIRST-LAST, each a financial year from ${financialYearText(STORED_YEARS.first)} to ${financialYearText(STORED_YEARS.last)} such as 2000/01, the first not after the last`,
    });
  }
  return { first, last };
}
