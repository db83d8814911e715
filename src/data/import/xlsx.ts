// XLSX rows: the first worksheet, streamed with exceljs (the workbook is never held whole) and appended
// as text into a temporary table, which then goes through the same SQL validation as CSV and Parquet.
// Workbooks hold at most 1,048,576 rows, so a row-by-row reader is fast enough here.
import ExcelJS from 'exceljs';
import { fail } from '../../core/errors.ts';
import type { Workspace } from '../workspace.ts';
import type { FileRows } from './file-rows.ts';

const STAGED = 'import_xlsx_rows';

/** A cell as the text a user sees: numbers without float noise, dates as ISO dates, formulas as their
 * cached result, rich text as plain text. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
    if ('result' in v) return cellText(v.result);
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.error !== undefined) return String(v.error);
    if (v.text !== undefined) return cellText(v.text);
  }
  return String(value);
}

function rowTexts(values: unknown): (string | null)[] {
  // exceljs rows are 1-based sparse arrays.
  const cells = Array.isArray(values) ? values.slice(1) : [];
  return Array.from(cells, (v) => cellText(v));
}

export async function openXlsx(ws: Workspace, file: string, onRow?: (rowsRead: number) => void): Promise<FileRows> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let headers: string[] | undefined;
  let headerRowNumber = 0;
  let appender: Awaited<ReturnType<typeof ws.connection.createAppender>> | undefined;
  let rows = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const texts = rowTexts(row.values);
        if (texts.every((t) => t === null || t.trim() === '')) continue;
        if (!headers) {
          headers = texts.map((t) => t ?? '');
          headerRowNumber = row.number;
          const columns = headers.map((_, i) => `c${i} VARCHAR`).join(', ');
          await ws.run(`CREATE OR REPLACE TEMP TABLE ${STAGED} (row_number BIGINT, ${columns})`);
          appender = await ws.connection.createAppender(STAGED, 'main', 'temp');
          continue;
        }
        appender!.appendBigInt(BigInt(row.number - headerRowNumber));
        for (let i = 0; i < headers.length; i++) {
          const text = texts[i];
          if (text === null || text === undefined) appender!.appendNull();
          else appender!.appendVarchar(text);
        }
        appender!.endRow();
        rows++;
        if (onRow && rows % 10_000 === 0) onRow(rows);
      }
      break; // the first worksheet only
    }
    appender?.closeSync();
  } catch (error) {
    if (error instanceof Error && /FootprintError/.test(error.name)) throw error;
    fail('FP_IMPORT_NOT_WHAT_IT_CLAIMS', `${file} is a zip archive but not a readable XLSX workbook.`, {
      where: { file },
      hint: 'Open it in Excel and save it again as an .xlsx workbook, or export the sheet as CSV.',
    });
  }
  if (!headers) fail('FP_IMPORT_EMPTY_FILE', `${file} has no rows in its first worksheet.`, { where: { file } });
  return {
    headers,
    relation: `temp.main.${STAGED}`,
    column: (i) => `c${i}`,
    rowNumber: 'row_number',
    typed: null,
    numbered: async () => ({ relation: `temp.main.${STAGED}`, rowNumber: 'row_number' }),
    async close(w) {
      await w.run(`DROP TABLE IF EXISTS temp.main.${STAGED}`);
    },
  };
}
