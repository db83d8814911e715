// Financial volatility for every service × every ICB, multi-ICB group and region footprint × 10,000
// simulated years (issue 5: under a minute on 2 cores), against a plain-loop floor: the same number of
// years, each drawing one uniform from the same generator and adding it up, which is the least a seeded
// simulation of that many years can cost. Tasks (expected patients, observed cost per patient) come from a
// real workspace: real reference footprints and populations, synthetic activity.
// Usage: tsx bench/volatility.bench.ts [WORKSPACE_DIR] (default: builds one in bench/out with 200,000 rows)
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { SeededRandom } from '../src/core/generate/seeded-random.ts';
import {
  footprintVolatilities,
  type VolatilityOptions,
  type VolatilityResults,
  type VolatilityTask,
  volatilitySeed,
} from '../src/core/volatility/index.ts';
import { gatherEvidence } from '../src/data/delegation/gather-evidence.ts';
import { simulateInWorkers } from '../src/data/delegation/volatility-workers.ts';
import { DuckDbEngine } from '../src/data/engines/duckdb.ts';
import { initWorkspace } from '../src/data/init-workspace.ts';
import { readRunContext } from '../src/data/queries/run-context.ts';
import { openWorkspace, WORKSPACE_FILE } from '../src/data/workspace.ts';

const ITERATIONS = 10_000;
const dir = process.argv[2] ?? join(import.meta.dirname, 'out', 'volatility-workspace');
if (!existsSync(join(dir, WORKSPACE_FILE))) (await initWorkspace({ dir, activityRows: 200_000 })).close();

const ws = await openWorkspace(dir, { readOnly: true });
const context = await readRunContext(ws);
let tasks: VolatilityTask[] = [];
const options: VolatilityOptions = { masterSeed: 20240401, iterations: ITERATIONS, missMargin: 0.1 };
await gatherEvidence(ws, new DuckDbEngine(ws), {
  dataset: context.dataset!,
  financialYear: context.years.at(-1)!,
  rules: {
    missMargin: 0.1,
    maxMissProbability: 0.1,
    maxOutOfFootprintShare: 0.5,
    maxOccasionalPracticeShare: 0.2,
    defaultMinimumAnnualVolume: 20,
    minimumAnnualVolume: {},
    basis: 'bench',
  },
  masterSeed: options.masterSeed,
  iterations: ITERATIONS,
  costModel: 'lognormal',
  simulate: (list) => {
    tasks = [...list];
    return {
      missProbability: new Float64Array(list.length),
      cvSpend: new Float64Array(list.length),
      analyticCv: new Float64Array(list.length),
    };
  },
});
ws.close();

const services = new Set(tasks.map((t) => t.serviceCode)).size;
const footprints = new Set(tasks.map((t) => t.footprint)).size;
const years = tasks.length * ITERATIONS;
const lambdas = tasks.map((t) => t.expectedPatients).sort((a, b) => a - b);
console.log(
  `${tasks.length} service × footprint pairs (${services} services × ${footprints} footprints), ${ITERATIONS} years each = ${(years / 1e6).toFixed(1)} M simulated years`,
);
console.log(
  `expected patients: min ${lambdas[0]!.toFixed(2)}, median ${lambdas[Math.floor(lambdas.length / 2)]!.toFixed(0)}, max ${lambdas.at(-1)!.toFixed(0)}`,
);

function floor(): number {
  let total = 0;
  for (const task of tasks) {
    const random = new SeededRandom(volatilitySeed(options.masterSeed, task.serviceCode, task.footprint));
    for (let year = 0; year < ITERATIONS; year++) total += random.next();
  }
  return total;
}

async function time(label: string, run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(44)} ${seconds.toFixed(2)} s  ${(years / seconds / 1e6).toFixed(2)} M years/s`);
  return seconds;
}

await time('plain-loop floor (one uniform a year)', floor);
let single: VolatilityResults | undefined;
let pooled: VolatilityResults | undefined;
await time('footprintVolatilities, 1 thread', () => {
  single = footprintVolatilities(tasks, options);
});
await time(`simulateInWorkers, ${availableParallelism()} threads`, async () => {
  pooled = await simulateInWorkers(tasks, options);
});
const same = single!.missProbability.every((v, i) => Object.is(v, pooled!.missProbability[i]));
console.log(`threads give the same numbers as one thread: ${same ? 'yes' : 'NO'}`);
