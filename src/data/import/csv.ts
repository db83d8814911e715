// CSV rows through DuckDB's parallel CSV reader: typed, for the clean-file fast path, and every field as
// text for the validating path, so that a stray word in a number column becomes a rejected row rather
// than a failed import.
import { closeSync, openSync, readSync } from 'node:fs';
import type { ActivityColumn } from '../../core/activity/activity-record.ts';
import { sqlString } from '../queries/sql-dialect.ts';
import type { Workspace } from '../workspace.ts';
import type { FileRows, TypedRows } from './file-rows.ts';
import { CSV_READ_TYPES } from './move-clean-file.ts';

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The first line of the file (up to 1 MiB), without a UTF-8 byte-order mark. */
function firstLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, read)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return text.split(/\r?\n/, 1)[0] ?? '';
  } finally {
    closeSync(fd);
  }
}

/** The delimiter that occurs most often in the header line (comma when there is a tie or none). */
export function detectDelimiter(header: string): string {
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = header.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** The fields of one CSV line, with RFC 4180 quoting: "a ""b""" is the text a "b". */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

export async function openCsv(_ws: Workspace, file: string): Promise<FileRows> {
  const delimiter = detectDelimiter(firstLine(file));
  const options = `delim=${sqlString(delimiter)}, quote='"', escape='"', all_varchar=true, auto_detect=false, strict_mode=true`;
  const headers = splitCsvLine(firstLine(file), delimiter);
  const names = headers.map((_, i) => `c${i}`);
  const columns = `columns={${names.map((n) => `'${n}': 'VARCHAR'`).join(', ')}}`;
  const relation = `read_csv(${sqlString(file)}, header=false, skip=1, ${columns}, ${options})`;
  const staged = 'import_csv_rows';
  return {
    headers,
    relation,
    column: (i) => names[i]!,
    rowNumber: null,
    typed(positions) {
      // The reader casts the numbers, as a bare read_csv does; the fields not imported stay text.
      const types = names.map(() => 'VARCHAR');
      const typedColumns: TypedRows['columns'] = {};
      for (const [field, position] of Object.entries(positions) as [ActivityColumn, number][]) {
        types[position] = CSV_READ_TYPES[field];
        typedColumns[field] = { sql: names[position]!, type: CSV_READ_TYPES[field] };
      }
      const typed = `columns={${names.map((n, i) => `'${n}': '${types[i]}'`).join(', ')}}`;
      return {
        relation: `read_csv(${sqlString(file)}, header=false, skip=1, ${typed}, ${options.replace('all_varchar=true, ', '')})`,
        columns: typedColumns,
      };
    },
    async numbered(w) {
      // A CTAS keeps the file's order (preserve_insertion_order), so rowid numbers the data rows.
      await w.run(`CREATE OR REPLACE TEMP TABLE ${staged} AS SELECT * FROM ${relation}`);
      return { relation: staged, rowNumber: 'rowid + 1' };
    },
    async close(w) {
      await w.run(`DROP TABLE IF EXISTS temp.${staged}`);
    },
  };
}
