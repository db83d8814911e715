// A report's --format and --out, checked and written the one way for every command (report, plan, atlas,
// qipp, whatif): JSON or CSV to the command's stdout or a file, an Excel workbook to a file. Errors name the
// option.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { fail } from '../core/errors.ts';
import type { Table } from '../data/export/table.ts';
import { writeCsv } from '../data/export/write-csv.ts';
import { write, writeJson } from '../data/export/write-json.ts';
import { writeXlsx } from '../data/export/write-xlsx.ts';
import { cliSession } from './session.ts';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The format asked for among those the command writes (default json, csv, xlsx), refused with
 * FP_REPORT_BAD_FORMAT; a workbook without --out is refused too. */
export function reportFormat<F extends string = ReportFormat>(
  asked: string,
  out: string | undefined,
  example: string,
  formats: readonly F[] = REPORT_FORMATS as unknown as readonly F[],
): F {
  const format = formats.find((f) => f === asked);
  if (!format) {
    fail('FP_REPORT_BAD_FORMAT', `"${asked}" is not an output format.`, {
      where: { parameter: '--format' },
      received: asked,
      accepted: formats.join(', '),
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

/** Writes the report: as JSON, the answer `json` as it is or else the first table's rows under `meta`; the
 * first table as CSV; or every table as a workbook. To the file --out, or else the command's stdout. */
export async function writeReport(
  format: ReportFormat,
  out: string | undefined,
  report: { tables: Table[]; json?: unknown; meta?: Record<string, unknown> },
): Promise<void> {
  if (format === 'xlsx') return writeXlsx(report.tables, out!);
  const stream = out ? createWriteStream(out) : cliSession().stdout;
  if (format === 'csv') await writeCsv(report.tables[0]!, stream);
  else if (report.json !== undefined) await write(stream, `${JSON.stringify(report.json, null, 1)}\n`);
  else await writeJson(report.tables[0]!, stream, report.meta);
  if (out) {
    stream.end();
    await finished(stream);
  }
}
