// One table model for every export: the CLI's reports and the web app's "Export to Excel" both hand
// writers a Table, and each writer decides how a kind of column looks in its format.

/** text as is; number as given; money in pounds, shown to the penny; share a fraction 0–1. */
export type ColumnKind = 'text' | 'number' | 'money' | 'share';

export interface TableColumn {
  /** The field name in JSON and the CSV header. */
  key: string;
  /** The column title in a workbook. */
  header: string;
  kind: ColumnKind;
}

export type TableRow = Record<string, string | number | boolean | null>;

export interface Table {
  /** The sheet name in a workbook (at most 31 characters). */
  name: string;
  columns: TableColumn[];
  rows: Iterable<TableRow>;
}

/** Money in pounds to the penny, shares to six places: the only rounding, done for display. */
export function displayValue(kind: ColumnKind, value: TableRow[string]): TableRow[string] {
  if (typeof value !== 'number') return value ?? null;
  if (kind === 'money') return Math.round(value * 100) / 100;
  if (kind === 'share') return Math.round(value * 1e6) / 1e6;
  return value;
}
