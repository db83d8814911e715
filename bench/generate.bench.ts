// Generator benchmark: `generateActivity` writing N rows to Parquet (and CSV) against a floor, a bare
// DuckDB COPY of N rows of the same columns and types built from range() — the cost of writing the
// file at all. Prints seconds, rows/s, the ratio and peak RSS. A benchmark, never a timed test.
//
//   tsx bench/generate.bench.ts WORKSPACE_DIR OUT_DIR [ROWS]
// WORKSPACE_DIR must hold the reference data (`footprint init --no-activity`).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateActivity } from '../src/data/generate/generate-activity.ts';
import { openWorkspace } from '../src/data/workspace.ts';

const [dir, outDir, rowsText = '20000000'] = process.argv.slice(2);
if (!dir || !outDir) {
  console.error('Usage: tsx bench/generate.bench.ts WORKSPACE_DIR OUT_DIR [ROWS]');
  process.exit(1);
}
const rows = Number(rowsText);
const seconds = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

async function floor(file: string, format: 'csv' | 'parquet'): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  const took = await seconds(() =>
    connection.run(`COPY (
      SELECT '2024/25' AS financial_year, CAST(i % 12 + 1 AS TINYINT) AS month, 'R' || (i % 200) AS provider_code,
             'S' || (i % 106) AS residence_code, 'svc' || (i % 75) AS service_code, 'APC_EL' AS pod,
             '40-44' AS age_band, 'F' AS sex, CAST(i % 50 AS INTEGER) AS activity,
             CAST((i % 100000) / 100.0 AS DECIMAL(18,2)) AS cost, CAST(i % 40 AS INTEGER) AS patients
        FROM range(${rows}) t(i)) TO '${file}' (FORMAT ${format})`),
  );
  connection.closeSync();
  instance.closeSync();
  return took;
}

const ws = await openWorkspace(dir);
for (const format of ['parquet', 'csv'] as const) {
  const out = join(outDir, `activity-${rows}.${format}`);
  const floorTime = await floor(join(outDir, `floor-${rows}.${format}`), format);
  const ours = await seconds(() => generateActivity(ws, { rows, seed: 1, out }));
  console.log(
    `generate ${format}: ${rows.toLocaleString('en-GB')} rows in ${ours.toFixed(1)} s ` +
      `(${Math.round(rows / ours).toLocaleString('en-GB')} rows/s, ${mib(statSync(out).size)}); ` +
      `floor (bare DuckDB COPY of ${rows.toLocaleString('en-GB')} rows) ${floorTime.toFixed(1)} s; ratio ${(ours / floorTime).toFixed(2)}`,
  );
}
ws.close();
console.log(`generate peak RSS: ${mib(process.resourceUsage().maxRSS * 1024)}`);
