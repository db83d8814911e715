// The reference report: counts of the reference tables the workspace holds.
import { duckdbDialect as d } from '../engines/duckdb.ts';
import type { Table } from '../export/table.ts';
import { referenceCountsSql } from '../queries/reference-counts.ts';
import type { Workspace } from '../workspace.ts';

export async function referenceReport(ws: Workspace): Promise<{ table: Table; meta: Record<string, never> }> {
  const rows = await ws.all<{ item: string; vintage: string | null; count: number }>(referenceCountsSql(d));
  return {
    meta: {},
    table: {
      name: 'Reference data',
      columns: [
        { key: 'item', header: 'Item', kind: 'text' },
        { key: 'vintage', header: 'Geography vintage', kind: 'text' },
        { key: 'count', header: 'Count', kind: 'number' },
      ],
      rows,
    },
  };
}
