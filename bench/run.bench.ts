// Benchmark: `footprint run` (runBasisConversion) against the bare SQL aggregation floor on the same
// workspace, measured in the same process, alternating, best of N. Not a timed test.
//
//   tsx bench/run.bench.ts [WORKSPACE_DIR] [--dataset NAME] [--repeat N]
//
// The workspace comes from the argument or FOOTPRINT_BENCH_WORKSPACE; without either, one is built at
// /tmp/footprint-bench-run with BENCH_ROWS (default 20 000 000) synthetic rows (bench/build-bench-workspace.ts,
// in a child process so its memory is not counted here).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBasisConversion } from '../src/data/run/run-basis-conversion.ts';
import { openWorkspace, WORKSPACE_FILE } from '../src/data/workspace.ts';

const FLOOR_SQL = `SELECT financial_year, residence_code, provider_code, service_code, sum(activity), sum(cost)
FROM activity GROUP BY ALL`;
const STORED_FLOOR_SQL = `SELECT financial_year, residence_code, provider_code, service_code,
  sum(activity) AS activity, sum(cost) AS spend FROM activity WHERE dataset = $1 GROUP BY ALL`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dataset: { type: 'string' }, repeat: { type: 'string', default: '3' } },
});
const dir = positionals[0] ?? process.env.FOOTPRINT_BENCH_WORKSPACE ?? '/tmp/footprint-bench-run';
if (!existsSync(join(dir, WORKSPACE_FILE))) {
  const rows = process.env.BENCH_ROWS ?? '20000000';
  console.log(`building ${dir} with ${rows} synthetic activity rows…`);
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const built = spawnSync(process.execPath, [tsx, join(import.meta.dirname, 'build-bench-workspace.ts'), dir, rows], {
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const ws = await openWorkspace(dir);
const dataset = values.dataset ?? (await ws.setting('current_dataset')) ?? 'bench';
const counts = await ws.one<{ all: number; mine: number }>(
  'SELECT CAST(count(*) AS DOUBLE) AS "all", CAST(count(*) FILTER (WHERE dataset = $1) AS DOUBLE) AS mine FROM activity',
  [dataset],
);
console.log(
  `workspace ${dir}: ${counts?.all.toLocaleString('en-GB')} activity rows, ${counts?.mine.toLocaleString('en-GB')} in dataset ${dataset}`,
);

const time = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};
const floorRun = () => ws.run(`CREATE OR REPLACE TEMP TABLE bench_floor AS ${FLOOR_SQL}`);
// The like-for-like floor: the same aggregation of the same dataset, stored in a workspace table and committed,
// as `footprint run` stores its results (the import bench's floor likewise reads into a stored table).
const storedFloorRun = () =>
  ws.transaction(async () => {
    await ws.run('DROP TABLE IF EXISTS bench_floor_stored');
    await ws.run(`CREATE TABLE bench_floor_stored AS ${STORED_FLOOR_SQL}`, [dataset]);
  });
const basisRun = () => runBasisConversion(ws, { dataset });

// Warm both once (file cache, DuckDB buffer pool), then alternate.
await floorRun();
await storedFloorRun();
const result = await basisRun();
const floor: number[] = [];
const storedFloor: number[] = [];
const run: number[] = [];
for (let i = 0; i < Number(values.repeat); i++) {
  floor.push(await time(floorRun));
  storedFloor.push(await time(storedFloorRun));
  run.push(await time(basisRun));
}
await ws.run('DROP TABLE IF EXISTS bench_floor');
await ws.run('DROP TABLE IF EXISTS bench_floor_stored');
ws.close();

const best = (xs: number[]) => Math.min(...xs);
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(', ');
console.log(
  `rows read by run:      ${result.rows.toLocaleString('en-GB')} (flows stored: ${result.flows.toLocaleString('en-GB')})`,
);
console.log(`floor (bare GROUP BY): best ${best(floor).toFixed(3)} s  [${fmt(floor)}]`);
console.log(`floor, stored:         best ${best(storedFloor).toFixed(3)} s  [${fmt(storedFloor)}]`);
console.log(`footprint run:         best ${best(run).toFixed(3)} s  [${fmt(run)}]`);
console.log(`ratio run / floor:     ${(best(run) / best(floor)).toFixed(2)} (in-memory, all datasets)`);
console.log(
  `ratio run / stored:    ${(best(run) / best(storedFloor)).toFixed(2)} (same dataset, stored and committed; target ≤ 1.5)`,
);
console.log(`rows per second (run): ${Math.round(result.rows / best(run)).toLocaleString('en-GB')}`);
console.log(`peak RSS:              ${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GiB (target < 4)`);
