// Writes many result rows into a table through a DuckDB appender: a stored atlas is tens of thousands of
// rows, which one INSERT per row would take seconds to write. Columns are given in table order with the
// type each is appended as; null appends SQL NULL.
import type { Workspace } from '../workspace.ts';

export type AppendKind = 'text' | 'double' | 'integer' | 'boolean';

export async function appendRows(
  ws: Workspace,
  table: string,
  kinds: readonly AppendKind[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
  /** 'temp' for a temporary table. */
  catalog?: 'temp',
): Promise<void> {
  const appender = await ws.connection.createAppender(table, catalog && 'main', catalog);
  try {
    for (const row of rows) {
      kinds.forEach((kind, i) => {
        const value = row[i] ?? null;
        if (value === null) appender.appendNull();
        else if (kind === 'text') appender.appendVarchar(String(value));
        else if (kind === 'double') appender.appendDouble(Number(value));
        else if (kind === 'integer') appender.appendInteger(Number(value));
        else appender.appendBoolean(Boolean(value));
      });
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
