// Excel export: one sheet per table, written with exceljs's streaming WorkbookWriter so a big table never
// sits in memory. Header row bold and frozen, money as '£#,##0.00', shares as percentages, widths set.
import ExcelJS from 'exceljs';
import { type ColumnKind, displayValue, type Table } from './table.ts';

export const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  number: '#,##0.##',
  money: '£#,##0.00',
  share: '0.0%',
};
const WIDTH: Record<ColumnKind, number> = { text: 14, number: 12, money: 16, share: 10 };

export async function writeXlsx(tables: Table[], file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const used = new Set<string>();
  for (const table of tables) addTableSheet(workbook, table, used);
  await workbook.commit();
}

/** Writes the table as the workbook's next sheet; `used` holds the sheet names taken so far. */
export function addTableSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: Table, used: Set<string>): void {
  const sheet = workbook.addWorksheet(sheetName(table.name, used), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((c) => ({
    key: c.key,
    header: c.header,
    width: Math.max(WIDTH[c.kind], c.header.length + 2),
    style: NUMBER_FORMAT[c.kind] ? { numFmt: NUMBER_FORMAT[c.kind] } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const row of table.rows) {
    sheet.addRow(table.columns.map((c) => displayValue(c.kind, row[c.key] ?? null))).commit();
  }
  sheet.commit();
}

/** Excel's rules: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 28)} ${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}
