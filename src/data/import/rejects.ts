// The rejects file: one line per problem (row, field, value, code, message), written by DuckDB straight
// from the validation query so millions of rejects never pass through JavaScript.
import type { ErrorCode } from '../../core/errors.ts';
import { sqlString } from '../queries/sql-dialect.ts';
import type { Workspace } from '../workspace.ts';
import { type ActivitySource, rejectsQuery } from './stage-validate-move.ts';

export interface FirstReject {
  row: number;
  field: string;
  value: string | null;
  code: ErrorCode;
  message: string;
}

export interface RejectsWritten {
  /** Lines written (problems); a row with several problems has several lines. */
  problems: number;
  first: FirstReject | undefined;
}

/** Writes the rejects of `source` to `rejectsFile` as CSV with a header row. */
export async function writeRejects(
  ws: Workspace,
  source: ActivitySource,
  rejectsFile: string,
): Promise<RejectsWritten> {
  await ws.run(`CREATE OR REPLACE TEMP TABLE import_rejects AS ${rejectsQuery(source)}`);
  try {
    await ws.run(
      `COPY (SELECT * FROM temp.main.import_rejects ORDER BY rowid) TO ${sqlString(rejectsFile)} (FORMAT csv, HEADER true)`,
    );
    const count = await ws.one<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM temp.main.import_rejects');
    const first = await ws.one<FirstReject>(
      'SELECT CAST("row" AS INTEGER) AS "row", field, value, code, message FROM temp.main.import_rejects ORDER BY rowid LIMIT 1',
    );
    return { problems: count?.n ?? 0, first };
  } finally {
    await ws.run('DROP TABLE IF EXISTS temp.main.import_rejects');
  }
}
