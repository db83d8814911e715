// Many rows into a workspace table at once: the reference loader, the catalogue and projection imports.
import type { Workspace } from './workspace.ts';

/** Inserts rows in batches of multi-row VALUES (for tables of thousands of rows, not millions:
 * activity goes through the importers). */
export async function insertRows(
  ws: Workspace,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): Promise<void> {
  const batch = 500;
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const params: (string | number | boolean | null)[] = [];
    const tuples = slice.map((row) => {
      const marks = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${marks.join(', ')})`;
    });
    await ws.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}
