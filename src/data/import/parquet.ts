// Parquet rows through DuckDB's reader; file_row_number gives each row its number for free.

import type { ActivityColumn } from '../../core/activity/activity-record.ts';
import { sqlString } from '../queries/sql-dialect.ts';
import type { Workspace } from '../workspace.ts';
import { type FileRows, quoteIdentifier, type TypedRows } from './file-rows.ts';

export async function openParquet(ws: Workspace, file: string): Promise<FileRows> {
  const relation = `read_parquet(${sqlString(file)}, file_row_number=true)`;
  const described = await ws.all<{ column_name: string; column_type: string }>(
    `DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`,
  );
  const headers = described.map((d) => d.column_name);
  const numbered = { relation, rowNumber: 'file_row_number + 1' };
  return {
    headers,
    relation,
    column: (i) => quoteIdentifier(headers[i]!),
    rowNumber: numbered.rowNumber,
    typed(positions) {
      const columns: TypedRows['columns'] = {};
      for (const [field, position] of Object.entries(positions) as [ActivityColumn, number][]) {
        columns[field] = { sql: quoteIdentifier(headers[position]!), type: described[position]!.column_type };
      }
      return { relation: `read_parquet(${sqlString(file)})`, columns };
    },
    numbered: async () => numbered,
    close: async () => {},
  };
}
