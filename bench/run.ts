// `npm run bench`: every benchmark of the foundation in sequence, each in its own process so peak
// memory is its own, on real reference data and real generated files. Figures go to stdout; copy them
// into bench/RESULTS.md with the command. Sizes: BENCH_ROWS (default 20 000 000).
//
//   1. generate.bench.ts — synthetic national activity to Parquet and CSV vs a bare DuckDB COPY
//   2. import.bench.ts   — importActivity of both files vs bare read_csv / read_parquet
//   3. run.bench.ts      — footprint run vs the bare SQL aggregation
//   4. api.bench.ts      — every GET route under 50 connections, as a national and an ICB user
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { WORKSPACE_FILE } from '../src/data/workspace.ts';

const rows = process.env.BENCH_ROWS ?? '20000000';
const out = join(import.meta.dirname, 'out');
const referenceWorkspace = join(out, 'reference-workspace');
const runWorkspace = join(out, `run-workspace-${rows}`);
const parquet = join(out, `activity-${rows}.parquet`);
const csv = join(out, `activity-${rows}.csv`);
mkdirSync(out, { recursive: true });

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
function step(title: string, script: string, args: string[]): void {
  console.log(`\n== ${title}`);
  const result = spawnSync(process.execPath, [tsx, script, ...args], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${title} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}
const cli = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');
const bench = (name: string): string => join(import.meta.dirname, name);

if (!existsSync(join(referenceWorkspace, WORKSPACE_FILE))) {
  step('reference workspace', cli, ['init', '--no-activity', '--workspace', referenceWorkspace]);
}
if (!existsSync(parquet) || !existsSync(csv)) {
  step('generate', bench('generate.bench.ts'), [referenceWorkspace, out, rows]);
}
step('import', bench('import.bench.ts'), [csv, parquet]);
if (!existsSync(join(runWorkspace, WORKSPACE_FILE))) {
  step('run workspace', cli, ['init', '--no-activity', '--workspace', runWorkspace]);
  step('run workspace import', cli, ['import', parquet, '--workspace', runWorkspace, '--dataset', 'bench']);
}
step('run', bench('run.bench.ts'), [runWorkspace, '--dataset', 'bench', '--repeat', '5']);
step('run (footprint run, to store results for the API)', cli, [
  'run',
  '--workspace',
  runWorkspace,
  '--dataset',
  'bench',
]);
step('api', bench('api.bench.ts'), [runWorkspace, '--seconds', process.env.BENCH_API_SECONDS ?? '10']);
