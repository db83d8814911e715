// CSV export (RFC 4180): a header row of the JSON field names, CRLF line ends, fields quoted when they hold
// a comma, a quote or a line break, quotes doubled. Money has two decimal places. Text that a spreadsheet
// would take for a formula is neutralised (exportCell).
import type { Writable } from 'node:stream';
import { exportCell, neutraliseFormula, type Table, type TableColumn, type TableRow } from './table.ts';
import { write } from './write-json.ts';

export async function writeCsv(table: Table, out: Writable): Promise<void> {
  await write(out, `${table.columns.map((c) => csvField(neutraliseFormula(c.key))).join(',')}\r\n`);
  for (const row of table.rows) {
    await write(out, `${table.columns.map((c) => csvField(csvText(c, row))).join(',')}\r\n`);
  }
}

function csvText(column: TableColumn, row: TableRow): string {
  const value = exportCell(column.kind, row[column.key] ?? null);
  if (value === null) return '';
  if (column.kind === 'money' && typeof value === 'number') return value.toFixed(2);
  return String(value);
}

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
