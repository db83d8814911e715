// Import benchmark: `importActivity` (read, validate, move, in one transaction) against the floor, a bare
// DuckDB `CREATE TABLE t AS SELECT * FROM read_csv(file)` / `read_parquet(file)` of the same file into a
// fresh workspace. Target: ratio ≤ 1.5. A benchmark, never a timed test.
//
// Usage:
//   tsx bench/import.bench.ts [FILE.csv|FILE.parquet …]     (or FOOTPRINT_BENCH_FILES=a.csv,b.parquet)
//   tsx bench/import.bench.ts --rows 20000000               (makes a toy-coded CSV and Parquet in /tmp)
// Given files are imported into a workspace with the real reference data (loadReference); the made-up
// files use the toy geography of test/integration/support/toy-workspace.ts, whose codes they contain.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { importActivity } from '../src/data/import/import-activity.ts';
import { loadReference } from '../src/data/reference/load-reference.ts';
import { openWorkspace, type Workspace } from '../src/data/workspace.ts';
import {
  insertToyReference,
  TOY_PROVIDERS,
  TOY_RESIDENCES,
  TOY_SERVICES,
} from '../test/integration/support/toy-workspace.ts';

const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const list = (values: readonly string[]): string => `[${values.map(sqlString).join(', ')}]`;

/** Writes `rows` rows of toy-coded activity as CSV and Parquet; returns their paths. */
async function makeToyFiles(rows: number): Promise<string[]> {
  const base = join(tmpdir(), `footprint-bench-activity-${rows}`);
  const files = [`${base}.csv`, `${base}.parquet`];
  if (files.every((f) => existsSync(f))) return files;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const select = `SELECT '2024/25' AS financial_year, CAST(i % 12 + 1 AS INTEGER) AS month,
      ${list(TOY_PROVIDERS)}[i % ${TOY_PROVIDERS.length} + 1] AS provider_code,
      ${list([...TOY_RESIDENCES, ''])}[i % ${TOY_RESIDENCES.length + 1} + 1] AS residence_code,
      ${list(TOY_SERVICES)}[i % ${TOY_SERVICES.length} + 1] AS service_code,
      ['APC_EL','APC_DC','APC_NEL','OP_FIRST','OP_FU','OP_PROC','CRITICAL_CARE','HCD','DEVICE','OTHER'][i % 10 + 1] AS pod,
      ['0-4','5-9','10-14','15-19','20-24','25-29','30-34','35-39','40-44','45-49','50-54','55-59','60-64',
       '65-69','70-74','75-79','80-84','85-89','90+'][i % 19 + 1] AS age_band,
      ['M','F','U'][i % 3 + 1] AS sex,
      CAST(i % 7 + 1 AS INTEGER) AS activity,
      CAST((i * 7919 % 10000000 - 10000) / 100 AS DECIMAL(18, 2)) AS cost,
      CAST(i % 5 + 1 AS INTEGER) AS patients
    FROM range(${rows}) t(i)`;
  await connection.run(`COPY (${select}) TO ${sqlString(files[0]!)} (HEADER)`);
  await connection.run(`COPY (${select}) TO ${sqlString(files[1]!)} (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
  return files;
}

async function freshWorkspace(reference: 'toy' | 'real'): Promise<Workspace> {
  const ws = await openWorkspace(mkdtempSync(join(tmpdir(), 'footprint-bench-import-')), { create: true });
  if (reference === 'toy') await insertToyReference(ws);
  else await loadReference(ws);
  return ws;
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

async function benchFile(file: string, reference: 'toy' | 'real'): Promise<void> {
  const reader = file.endsWith('.parquet') ? `read_parquet(${sqlString(file)})` : `read_csv(${sqlString(file)})`;
  const floorWs = await freshWorkspace(reference);
  const floor = await seconds(() => floorWs.run(`CREATE TABLE bench_floor AS SELECT * FROM ${reader}`));
  const rows = (await floorWs.one<{ n: number }>('SELECT CAST(count(*) AS DOUBLE) AS n FROM bench_floor'))?.n ?? 0;
  floorWs.close();
  rmSync(floorWs.dir, { recursive: true, force: true });

  const ws = await freshWorkspace(reference);
  let summary: Awaited<ReturnType<typeof importActivity>> | undefined;
  const ours = await seconds(async () => {
    summary = await importActivity(ws, { file, dataset: 'bench', allowRejects: true });
  });
  ws.close();
  rmSync(ws.dir, { recursive: true, force: true });

  const mib = (statSync(file).size / 1024 ** 2).toFixed(0);
  console.log(`${file} (${mib} MiB, ${rows.toLocaleString('en-GB')} rows, ${reference} reference)`);
  console.log(`  floor  ${floor.toFixed(2)} s  ${Math.round(rows / floor).toLocaleString('en-GB')} rows/s`);
  console.log(
    `  import ${ours.toFixed(2)} s  ${Math.round(rows / ours).toLocaleString('en-GB')} rows/s  ` +
      `(read ${summary?.read}, accepted ${summary?.accepted}, rejected ${summary?.rejected})`,
  );
  console.log(`  ratio  ${(ours / floor).toFixed(2)} (target ≤ 1.5)`);
}

const args = process.argv.slice(2);
const rowsIndex = args.indexOf('--rows');
const given = rowsIndex >= 0 ? [] : args.length ? args : (process.env.FOOTPRINT_BENCH_FILES?.split(',') ?? []);
const files = given.length ? given : await makeToyFiles(Number(args[rowsIndex + 1] ?? 20_000_000));
for (const file of files) await benchFile(file, given.length ? 'real' : 'toy');
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (target < 4096)`);
