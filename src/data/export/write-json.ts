// JSON export: {"meta": {...}, "rows": [...]}, one row object per line so big tables stream.
import type { Writable } from 'node:stream';
import { displayValue, type Table } from './table.ts';

export async function writeJson(table: Table, out: Writable, meta: Record<string, unknown> = {}): Promise<void> {
  await write(out, `{"meta":${JSON.stringify(meta)},"rows":[`);
  let first = true;
  for (const row of table.rows) {
    const shown: Record<string, unknown> = {};
    for (const column of table.columns) shown[column.key] = displayValue(column.kind, row[column.key] ?? null);
    await write(out, `${first ? '\n' : ',\n'}${JSON.stringify(shown)}`);
    first = false;
  }
  await write(out, '\n]}\n');
}

/** Writes and waits for the stream to drain when it asks to, so memory stays bounded. */
export function write(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = out.write(text, (error) => (error ? reject(error) : undefined));
    if (ok) resolve();
    else out.once('drain', resolve);
  });
}
