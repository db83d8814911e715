// Benchmark: a 10-year financial plan for every ICB and every footprint with 20 QIPP schemes, against the
// one SQL aggregation that feeds it (the base year's population-basis spend by ICB × provider × service ×
// pod), measured in the same process, alternating, best of N. Not a timed test.
//
//   tsx bench/plan.bench.ts [WORKSPACE_DIR] [--year 2024/25] [--repeat N]
//
// The workspace comes from the argument or FOOTPRINT_BENCH_WORKSPACE (default /tmp/footprint-bench-run,
// built as bench/run.bench.ts builds it when missing, with BENCH_ROWS synthetic rows).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { POINTS_OF_DELIVERY } from '../src/core/activity/activity-record.ts';
import type { Scenario } from '../src/core/planning/scenario-schema.ts';
import type { FinancialYear } from '../src/core/units.ts';
import { DuckDbEngine } from '../src/data/engines/duckdb.ts';
import { PLAN_VINTAGE, planRun } from '../src/data/planning/base-year-spend.ts';
import { planScenario, planSchemeSavings } from '../src/data/planning/plan-scenario.ts';
import { openWorkspace, WORKSPACE_FILE } from '../src/data/workspace.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { year: { type: 'string' }, repeat: { type: 'string', default: '3' } },
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

const ws = await openWorkspace(dir, { readOnly: true });
const run = await planRun(ws);
const years = (
  await ws.all<{ year: string }>(
    'SELECT DISTINCT financial_year AS year FROM run_total WHERE dataset = $1 ORDER BY 1',
    [run.dataset],
  )
).map((r) => r.year);
const baseYear = (values.year ?? years.at(-2) ?? years[0]) as FinancialYear;
const icbs = (
  await ws.all<{ code: string }>('SELECT icb_code AS code FROM icb WHERE vintage = $1 ORDER BY 1', [PLAN_VINTAGE])
).map((r) => r.code);
const footprints = (
  await ws.all<{ name: string }>('SELECT name FROM footprint WHERE vintage = $1 ORDER BY 1', [PLAN_VINTAGE])
).map((r) => r.name);
const services = (
  await ws.all<{ code: string }>(
    'SELECT service_code AS code, sum(spend) AS s FROM flow WHERE dataset = $1 GROUP BY 1 ORDER BY s DESC LIMIT 10',
    [run.dataset],
  )
).map((r) => r.code);
const providers = (
  await ws.all<{ code: string }>(
    'SELECT provider_code AS code, sum(spend) AS s FROM flow WHERE dataset = $1 GROUP BY 1 ORDER BY s DESC LIMIT 20',
    [run.dataset],
  )
).map((r) => r.code);
const counts = await ws.one<{ rows: number; lines: number }>(
  `SELECT CAST(count(*) AS DOUBLE) AS rows FROM activity WHERE dataset = $1`,
  [run.dataset],
);

const YEARS = 10;
const perYear = (v: number) => Array.from({ length: YEARS }, () => v);
// Twenty schemes of every shape: all spend, by pod, by service, by provider, and mixed; part-year starts.
const schemes: Scenario['qipp'] = Array.from({ length: 20 }, (_, i) => {
  const scope =
    i % 4 === 0
      ? {}
      : i % 4 === 1
        ? { pods: [POINTS_OF_DELIVERY[i % POINTS_OF_DELIVERY.length]!] }
        : i % 4 === 2
          ? { services: services.slice(i % 5, (i % 5) + 3) }
          : { providers: providers.slice(i % 7, (i % 7) + 5), pods: ['HCD' as const, 'DEVICE' as const] };
  return {
    name: `Scheme ${i + 1}`,
    type: i % 2 === 0 ? ('transactional' as const) : ('transformational' as const),
    scope,
    rates: perYear(0.002),
    startMonth: [1 + (i % 12), ...perYear(1).slice(1)],
  };
});
const scenario: Scenario = {
  version: 1,
  name: 'Benchmark: every ICB and footprint',
  baseYear,
  years: YEARS,
  units: [...icbs, ...footprints.map((f) => `footprint:${f}`)],
  growth: {
    demographic: perYear(0.007),
    nonDemographic: { default: perYear(0.02), byPod: { HCD: perYear(0.05) } },
    inflation: perYear(0.021),
  },
  qipp: schemes,
  allocation: {
    growth: perYear(0.025),
    target: 'needs',
    convergence: { floorGrowth: 0.01, capGrowth: 0.05 },
  },
};
console.log(
  `workspace ${dir}: ${counts?.rows.toLocaleString('en-GB')} activity rows in dataset ${run.dataset}; base year ${baseYear}; ` +
    `${icbs.length} ICBs + ${footprints.length} footprints, ${YEARS} years, ${schemes.length} schemes`,
);

const time = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};
const engine = new DuckDbEngine(ws);
const aggregation = () =>
  engine.populationBasisSpendByPod({
    dataset: run.dataset,
    vintage: PLAN_VINTAGE,
    unknownResidenceRule: run.rule,
    financialYear: baseYear,
  });
const plan = () => planScenario(ws, scenario, { engine });

const lines = (await aggregation()).length;
await plan();
const sql: number[] = [];
const planned: number[] = [];
const listed: number[] = [];
let schemeRows = 0;
for (let i = 0; i < Number(values.repeat); i++) {
  sql.push(await time(aggregation));
  let result: Awaited<ReturnType<typeof plan>> | undefined;
  planned.push(await time(async () => (result = await plan())));
  listed.push(
    await time(async () => {
      schemeRows = 0;
      for (const _ of planSchemeSavings(result!)) schemeRows++;
    }),
  );
}
const best = (xs: number[]) => Math.min(...xs);
const secs = (xs: number[]) => `best ${best(xs).toFixed(3)} s (${xs.map((s) => s.toFixed(3)).join(', ')})`;
console.log(
  `base-year lines: ${lines.toLocaleString('en-GB')}; scheme saving rows ${schemeRows.toLocaleString('en-GB')}`,
);
console.log(`SQL aggregation:        ${secs(sql)}`);
console.log(`plan (incl. the SQL):   ${secs(planned)}`);
console.log(`listing scheme savings: ${secs(listed)}`);
console.log(`ratio plan / aggregation: ${(best(planned) / best(sql)).toFixed(2)}× (target ≤ 2×)`);
ws.close();
