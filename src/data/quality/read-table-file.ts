// A small table file (a KPI definitions or monthly values return) as text rows by header name: CSV, or the
// first worksheet of an XLSX workbook. The format is decided by extension and checked against the first
// bytes, as activity imports are.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { FootprintError, fail } from '../../core/errors.ts';
import type { TextRows } from '../../core/quality/index.ts';
import { parseCsv } from '../csv/parse-csv.ts';
import { detectFormat } from '../import/detect-format.ts';
import { cellText } from '../import/xlsx.ts';

/** KPI returns are small: a few thousand rows. */
const MAX_KPI_FILE_BYTES = 16 * 1024 * 1024;

export interface TextTable {
  header: string[];
  rows: TextRows;
}

function byHeader(header: string[], rows: (string | null)[][]): TextTable {
  const names = header.map((h) => h.trim().toLowerCase());
  return {
    header: names,
    rows: rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i] ?? null]))),
  };
}

async function readXlsx(file: string): Promise<TextTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    fail('FP_KPI_BAD_FILE', `${file} is not a readable XLSX workbook.`, {
      where: { file },
      hint: 'Open it in Excel and save it again as .xlsx, or export the sheet as CSV.',
    });
  }
  const sheet = workbook.worksheets[0];
  const rows: (string | null)[][] = [];
  sheet?.eachRow((row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const texts = Array.from(values, (v) => cellText(v));
    if (texts.some((t) => t !== null && t.trim() !== '')) rows.push(texts);
  });
  const [header, ...data] = rows;
  if (!header) fail('FP_KPI_BAD_FILE', `${file} has no rows in its first worksheet.`, { where: { file } });
  return byHeader(
    header.map((h) => h ?? ''),
    data,
  );
}

export async function readTableFile(file: string): Promise<TextTable> {
  let format: string;
  try {
    format = detectFormat(file, { csv: MAX_KPI_FILE_BYTES, xlsx: MAX_KPI_FILE_BYTES });
  } catch (error) {
    if (error instanceof FootprintError) {
      const { code: _code, message, ...detail } = error.problem;
      fail('FP_KPI_BAD_FILE', message, { ...detail, accepted: 'a CSV or XLSX file up to 16 MiB' });
    }
    throw error;
  }
  if (format === 'xlsx') return readXlsx(file);
  if (format !== 'csv') {
    fail('FP_KPI_BAD_FILE', 'KPI files are CSV or XLSX.', { where: { file }, received: format, accepted: 'csv, xlsx' });
  }
  try {
    const table = parseCsv(readFileSync(file, 'utf8'), file);
    return byHeader(table.header, table.rows);
  } catch (error) {
    if (error instanceof FootprintError) {
      const { code: _code, message, ...detail } = error.problem;
      fail('FP_KPI_BAD_FILE', message, detail);
    }
    throw error;
  }
}
