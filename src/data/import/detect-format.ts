// Decides a file's format from its extension and checks that its first bytes agree, before any reader
// touches it: a binary file named .csv, a CSV named .parquet or a renamed zip gets a clear message
// rather than a parser failure. Also refuses empty files and files over the size limit.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { fail } from '../../core/errors.ts';

export type ImportFormat = 'csv' | 'parquet' | 'xlsx';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** Largest file each format accepts. CSV and Parquet stream through DuckDB in bounded memory, so the
 * limit is about time and disk (64 GiB of CSV is roughly 1.3 billion rows); an XLSX sheet holds at most
 * 1,048,576 rows (~60 MiB), so anything past 512 MiB is not a real contract-monitoring workbook and would
 * only exhaust memory in the zip reader. */
export const MAX_FILE_BYTES: Record<ImportFormat, number> = { csv: 64 * GiB, parquet: 64 * GiB, xlsx: 512 * MiB };

const EXTENSIONS: Record<string, ImportFormat> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'csv',
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.xlsx': 'xlsx',
};

const PARQUET_MAGIC = 'PAR1';
const ZIP_MAGIC = 'PK\u0003\u0004';

function readBytes(file: string, position: number, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, position);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function sniff(head: Buffer): string {
  const start = head.subarray(0, 4).toString('latin1');
  if (start === PARQUET_MAGIC) return 'a Parquet file';
  if (start === ZIP_MAGIC) return 'a zip archive (such as an XLSX workbook)';
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return 'an old binary Excel (.xls) workbook';
  }
  if (head.includes(0)) return 'a binary file';
  return 'text';
}

/** The format of `file`, after checking it exists, is not empty or too large, and starts as its
 * extension says. `maxBytes` overrides MAX_FILE_BYTES (tests). */
export function detectFormat(file: string, maxBytes?: Partial<Record<ImportFormat, number>>): ImportFormat {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    fail('FP_IMPORT_FILE_NOT_FOUND', `Cannot read ${file}: it does not exist or is not a file.`, {
      where: { file },
    });
  }
  const extension = extname(file).toLowerCase();
  const format = EXTENSIONS[extension];
  if (!format) {
    fail('FP_IMPORT_UNSUPPORTED_FORMAT', `${file} is not a CSV, Parquet or XLSX file (by its extension).`, {
      where: { file },
      received: extension || '(no extension)',
      accepted: Object.keys(EXTENSIONS).join(', '),
      hint: extension === '.xls' ? 'Save the workbook as .xlsx in Excel and import that.' : undefined,
    });
  }
  if (size === 0) fail('FP_IMPORT_EMPTY_FILE', `${file} is empty (0 bytes).`, { where: { file } });
  const limit = maxBytes?.[format] ?? MAX_FILE_BYTES[format];
  if (size > limit) {
    fail(
      'FP_IMPORT_TOO_LARGE',
      `${file} is ${formatBytes(size)}; a ${format.toUpperCase()} import accepts up to ${formatBytes(limit)}.`,
      {
        where: { file },
        received: `${size} bytes`,
        accepted: `at most ${limit} bytes`,
        hint:
          format === 'xlsx'
            ? 'Save the data as CSV or Parquet instead.'
            : 'Split the file by financial year and import each part as its own dataset.',
      },
    );
  }
  const looksLike = sniff(readBytes(file, 0, 64 * 1024));
  const claimed: Record<ImportFormat, string> = {
    csv: 'text',
    parquet: 'a Parquet file',
    xlsx: 'a zip archive (such as an XLSX workbook)',
  };
  const tailIsParquet = format !== 'parquet' || readBytes(file, size - 4, 4).toString('latin1') === PARQUET_MAGIC;
  if (looksLike !== claimed[format] || !tailIsParquet) {
    fail(
      'FP_IMPORT_NOT_WHAT_IT_CLAIMS',
      `${file} is named as ${format.toUpperCase()} but its content looks like ${tailIsParquet ? looksLike : 'a truncated or damaged Parquet file'}.`,
      {
        where: { file },
        received: looksLike,
        accepted: claimed[format],
        hint: 'Check that the right file was chosen and that its extension matches its content.',
      },
    );
  }
  return format;
}

function formatBytes(bytes: number): string {
  return bytes >= GiB ? `${(bytes / GiB).toFixed(1)} GiB` : `${(bytes / MiB).toFixed(1)} MiB`;
}
