// A report's --format and --out, checked and written the one way: JSON or CSV to stdout or a file, an
// Excel workbook to a file. Errors name the option.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { fail } from '../core/errors.ts';
import type { Table } from '../data/export/table.ts';
import { writeCsv } from '../data/export/write-csv.ts';
import { writeXlsx } from '../data/export/write-xlsx.ts';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The format asked for, refused with FP_REPORT_BAD_FORMAT; a workbook without --out is refused too. */
export function reportFormat(asked: string, out: string | undefined, example: string): ReportFormat {
  const format = REPORT_FORMATS.find((f) => f === asked);
  if (!format) {
    fail('FP_REPORT_BAD_FORMAT', `"${asked}" is not an output format.`, {
      where: { parameter: '--format' },
      received: asked,
      accepted: REPORT_FORMATS.join(', '),
    });
  }
  if (format === 'xlsx' && !out) {
    fail('FP_CLI_BAD_OPTION', 'An Excel workbook needs a file to go to.', {
      where: { parameter: '--out' },
      received: '(none)',
      accepted: 'a file path ending .xlsx',
      hint: `Add --out ${example}.`,
    });
  }
  return format;
}

/** Writes `json` as JSON, the first table as CSV, or every table as a workbook. */
export async function writeReport(
  format: ReportFormat,
  out: string | undefined,
  report: { json: unknown; tables: Table[] },
): Promise<void> {
  if (format === 'xlsx') return writeXlsx(report.tables, out!);
  if (format === 'json') {
    const text = `${JSON.stringify(report.json, null, 1)}\n`;
    if (out) await writeFile(out, text);
    else process.stdout.write(text);
    return;
  }
  if (!out) return writeCsv(report.tables[0]!, process.stdout);
  const file = createWriteStream(out);
  await writeCsv(report.tables[0]!, file);
  file.end();
  await finished(file);
}
