// Import benchmark: `importActivity` (read, validate, move, in one transaction) against the floor, a bare
// DuckDB `CREATE TABLE t AS SELECT * FROM read_csv(file)` / `read_parquet(file)` of the same file into a
// fresh workspace. Fair by construction: same file, page cache warmed first, floor and import alternated
// in the same process, each in its own fresh workspace, best of N for each. Wall and CPU time are both
// reported: the machine may be shared, and CPU time suffers less from other load. Target: ratio ≤ 1.5.
// A benchmark, never a timed test.
//
// Usage:
//   tsx bench/import.bench.ts [FILE.csv|FILE.parquet …] [--repeat N]  (or FOOTPRINT_BENCH_FILES=a.csv,b.parquet)
//   tsx bench/import.bench.ts --rows 20000000 [--repeat N]            (makes a toy-coded CSV and Parquet in /tmp)
// Given files are imported into a workspace with the real reference data (loadReference); the made-up
// files use the toy geography of test/integration/support/toy-workspace.ts, whose codes they contain.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
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

interface Timing {
  /** Wall-clock seconds. */
  wall: number;
  /** CPU seconds of this process (all DuckDB threads), less sensitive than wall time to other load. */
  cpu: number;
}

async function timed(work: () => Promise<unknown>): Promise<Timing> {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await work();
  const cpu = process.cpuUsage(cpuBefore);
  return { wall: (performance.now() - start) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

/** Reads the file once so that neither side pays for a cold page cache. */
async function warmCache(file: string): Promise<void> {
  for await (const _ of createReadStream(file, { highWaterMark: 4 * 1024 * 1024 }));
}

/** The floor: a bare read of the same file into a table of a fresh workspace, in one statement. */
async function floorOnce(file: string, reference: 'toy' | 'real'): Promise<{ timing: Timing; rows: number }> {
  const reader = file.endsWith('.parquet') ? `read_parquet(${sqlString(file)})` : `read_csv(${sqlString(file)})`;
  const ws = await freshWorkspace(reference);
  try {
    const timing = await timed(() => ws.run(`CREATE TABLE bench_floor AS SELECT * FROM ${reader}`));
    const rows = (await ws.one<{ n: number }>('SELECT CAST(count(*) AS DOUBLE) AS n FROM bench_floor'))?.n ?? 0;
    return { timing, rows };
  } finally {
    ws.close();
    rmSync(ws.dir, { recursive: true, force: true });
  }
}

async function importOnce(file: string, reference: 'toy' | 'real') {
  const ws = await freshWorkspace(reference);
  try {
    let summary: Awaited<ReturnType<typeof importActivity>> | undefined;
    const timing = await timed(async () => {
      summary = await importActivity(ws, { file, dataset: 'bench', allowRejects: true });
    });
    return { timing, summary };
  } finally {
    ws.close();
    rmSync(ws.dir, { recursive: true, force: true });
  }
}

const best = (timings: Timing[]): Timing => ({
  wall: Math.min(...timings.map((t) => t.wall)),
  cpu: Math.min(...timings.map((t) => t.cpu)),
});
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Floor and import alternately, `repeat` times each, in fresh workspaces; best of each. */
async function benchFile(file: string, reference: 'toy' | 'real', repeat: number): Promise<void> {
  await warmCache(file);
  const floors: Timing[] = [];
  const imports: Timing[] = [];
  let rows = 0;
  let summary: Awaited<ReturnType<typeof importOnce>>['summary'];
  for (let i = 0; i < repeat; i++) {
    const floor = await floorOnce(file, reference);
    floors.push(floor.timing);
    rows = floor.rows;
    const ours = await importOnce(file, reference);
    imports.push(ours.timing);
    summary = ours.summary;
  }
  const floor = best(floors);
  const ours = best(imports);
  const rate = (t: Timing) => Math.round(rows / t.wall).toLocaleString('en-GB');
  const all = (ts: Timing[]) => ts.map((t) => t.wall.toFixed(2)).join(', ');
  const mib = (statSync(file).size / 1024 ** 2).toFixed(0);
  console.log(`${file} (${mib} MiB, ${rows.toLocaleString('en-GB')} rows, ${reference} reference), best of ${repeat}`);
  console.log(
    `  floor  ${floor.wall.toFixed(2)} s  ${rate(floor)} rows/s  cpu ${floor.cpu.toFixed(1)} s  (runs ${all(floors)})`,
  );
  console.log(
    `  import ${ours.wall.toFixed(2)} s  ${rate(ours)} rows/s  cpu ${ours.cpu.toFixed(1)} s  (runs ${all(imports)}; ` +
      `read ${summary?.read}, accepted ${summary?.accepted}, rejected ${summary?.rejected})`,
  );
  console.log(
    `  ratio  ${(ours.wall / floor.wall).toFixed(2)} wall, ${(ours.cpu / floor.cpu).toFixed(2)} cpu (target ≤ 1.5)  load ${load()}`,
  );
}

const { values, positionals } = parseArgs({
  options: { rows: { type: 'string' }, repeat: { type: 'string', default: '3' } },
  allowPositionals: true,
});
const given = positionals.length ? positionals : (process.env.FOOTPRINT_BENCH_FILES?.split(',').filter(Boolean) ?? []);
const files = given.length && !values.rows ? given : await makeToyFiles(Number(values.rows ?? 20_000_000));
const reference = given.length && !values.rows ? 'real' : 'toy';
console.log(`load average at start ${load()} (${cpus().length} cores)`);
for (const file of files) await benchFile(file, reference, Number(values.repeat));
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (target < 4096)`);
