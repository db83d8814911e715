// One table model for every export: the CLI's reports and the web app's "Export to Excel" both hand
// writers a Table, and each writer decides how a kind of column looks in its format.

import type { ColumnKind, TableColumn } from '../../core/export-columns.ts';

export type { ColumnKind, TableColumn };

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

/** Cells a spreadsheet would read as a formula, or as the start of one (OWASP, CSV injection): = + - @
 * and a leading tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number written as text ("-50.01", "+3", "1e-6") starts with + or - but is no formula. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Text a spreadsheet will show as written: a leading ' makes Excel, LibreOffice and Sheets take the cell
 * as text, never a formula. Numbers, and text that is just a number, are left as they are. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The value a writer puts in a cell: the display rounding, and text neutralised against formula injection.
 * Every CSV and Excel export goes through this. */
export function exportCell(kind: ColumnKind, value: TableRow[string]): TableRow[string] {
  const shown = displayValue(kind, value);
  return typeof shown === 'string' ? neutraliseFormula(shown) : shown;
}
