// "Export to Excel" and CSV for every table route: the same rows the JSON answer has, written by the shared
// writers in src/data/export, sent as an attachment.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { Table, TableRow } from '../data/export/table.ts';
import { writeCsv } from '../data/export/write-csv.ts';
import { writeXlsx } from '../data/export/write-xlsx.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file name safe in a Content-Disposition header: letters, digits and hyphens. */
export function exportFileName(parts: (string | null | undefined)[], extension: 'xlsx' | 'csv'): string {
  const stem = parts
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, ''))
    .filter(Boolean)
    .join('-');
  return `${stem || 'footprint'}.${extension}`;
}

async function csvBuffer(table: Table): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  await writeCsv(table, sink);
  return Buffer.concat(chunks);
}

async function xlsxBuffer(write: (file: string) => Promise<void>): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'footprint-export-'));
  try {
    const file = join(dir, 'export.xlsx');
    await write(file);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Query rows as export rows: every field the columns name is a string, number, boolean or null. */
export function tableRows<T extends object>(rows: readonly T[]): TableRow[] {
  return rows as unknown as TableRow[];
}

/** Sends the tables as a workbook (one sheet each) or the first as CSV. */
export async function sendExport(
  reply: FastifyReply,
  format: 'xlsx' | 'csv',
  fileParts: (string | null | undefined)[],
  tables: Table[],
): Promise<FastifyReply> {
  const name = exportFileName(fileParts, format);
  const body = format === 'xlsx' ? await xlsxBuffer((file) => writeXlsx(tables, file)) : await csvBuffer(tables[0]!);
  return reply
    .header('content-disposition', `attachment; filename="${name}"`)
    .type(format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8')
    .send(body);
}

/** Sends a workbook its own writer makes (the plan's formula workbook). */
export async function sendWorkbook(
  reply: FastifyReply,
  fileParts: (string | null | undefined)[],
  write: (file: string) => Promise<void>,
): Promise<FastifyReply> {
  return reply
    .header('content-disposition', `attachment; filename="${exportFileName(fileParts, 'xlsx')}"`)
    .type(XLSX_TYPE)
    .send(await xlsxBuffer(write));
}
