// Benchmark: the full atlas of variation (every service × ICB × year × measure: crude and age/sex
// standardised rates with limits, funnel significance exact and overdispersed, 100-point funnel limit
// tables, spread across ICBs, peers, stored) against the SQL aggregation floor on the same workspace,
// in the same process, alternating, best of N. Not a timed test.
//
//   tsx bench/atlas.bench.ts WORKSPACE_DIR [--repeat N]
//
// The workspace needs real reference data (populations by age and sex) and a run: build one with
// `footprint init --workspace DIR --activity-rows 20000000`.
import { parseArgs } from 'node:util';
import { buildAtlas } from '../src/core/variation/index.ts';
import { DuckDbEngine, duckdbDialect } from '../src/data/engines/duckdb.ts';
import { utilisationByIcbAgeSexSql } from '../src/data/queries/utilisation-by-icb-age-sex.ts';
import { computeAtlas } from '../src/data/variation/compute-atlas.ts';
import { openWorkspace } from '../src/data/workspace.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { repeat: { type: 'string', default: '3' } },
});
const dir = positionals[0];
if (!dir) {
  console.error('usage: tsx bench/atlas.bench.ts WORKSPACE_DIR [--repeat N]');
  process.exit(2);
}
const ws = await openWorkspace(dir);
const dataset = (await ws.setting('current_dataset'))!;
const rows = (await ws.one<{ n: number }>('SELECT CAST(count(*) AS DOUBLE) AS n FROM activity WHERE dataset = $1', [
  dataset,
]))!.n;
const repeat = Number(values.repeat);

const seconds = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};
const best = (times: number[]) => Math.min(...times);

const floor: number[] = [];
const engine: number[] = [];
const full: number[] = [];
let summary: Awaited<ReturnType<typeof computeAtlas>> | undefined;
let coreSeconds = 0;
for (let i = 0; i < repeat; i++) {
  // The floor: the engine's one aggregation run in SQL, results left in the database.
  floor.push(
    await seconds(() =>
      ws.run(`SELECT count(*) FROM (${utilisationByIcbAgeSexSql(duckdbDialect, '2026', 1)})`, [dataset]),
    ),
  );
  // The same aggregation brought into JavaScript as cells.
  engine.push(await seconds(() => new DuckDbEngine(ws).utilisationByIcbAgeSex({ dataset, vintage: '2026' })));
  full.push(
    await seconds(async () => {
      summary = await computeAtlas(ws);
    }),
  );
}
// The core alone, on cells and populations already in memory.
const cells = await new DuckDbEngine(ws).utilisationByIcbAgeSex({ dataset, vintage: '2026' });
const populations = (
  await ws.all<{ icb: string; band: string; sex: 'M' | 'F'; persons: number }>(
    "SELECT area_code AS icb, age_band AS band, sex, persons FROM population WHERE area_type = 'icb'",
  )
).map((p) => ({ icbCode: p.icb as never, ageBand: p.band as never, sex: p.sex, persons: p.persons }));
coreSeconds = await seconds(async () => buildAtlas({ cells, populations, needs: [] }));
ws.close();

const result = {
  workspace: dir,
  activityRows: rows,
  cells: summary?.cellsRead,
  rates: summary?.rates,
  funnelPoints: summary?.funnelPoints,
  repeat,
  floorSeconds: best(floor),
  engineSeconds: best(engine),
  coreSeconds,
  fullAtlasSeconds: best(full),
  fullOverFloor: best(full) / best(floor),
  cpus: (await import('node:os')).cpus().length,
};
console.log(JSON.stringify(result, null, 2));
