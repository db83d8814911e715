// Splits volatility tasks over worker threads (one per core, at most `threads`). Tasks are dealt in
// round-robin so each thread gets a similar mix of small and large footprints.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VolatilityOptions, VolatilityResults, VolatilityTask } from '../../core/volatility/index.ts';
import { footprintVolatilities } from '../../core/volatility/index.ts';

// Compiled (dist/*.js) the worker is plain JavaScript; run from source, workers start as plain JavaScript
// too, so they register tsx's loader first and then load the TypeScript worker.
const COMPILED = import.meta.url.endsWith('.js');
const WORKER = new URL(COMPILED ? './volatility-worker.js' : './volatility-worker.ts', import.meta.url).href;
const BOOTSTRAP = COMPILED
  ? `import(${JSON.stringify(WORKER)})`
  : `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER)}); })`;

export async function simulateInWorkers(
  tasks: readonly VolatilityTask[],
  options: VolatilityOptions,
  threads = availableParallelism(),
): Promise<VolatilityResults> {
  const count = Math.max(1, Math.min(threads, Math.ceil(tasks.length / 50)));
  if (count === 1) return footprintVolatilities(tasks, options);
  const shares = Array.from({ length: count }, (_, w) => tasks.filter((_, i) => i % count === w));
  const parts = await Promise.all(
    shares.map(
      (share) =>
        new Promise<VolatilityResults>((resolve, reject) => {
          const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { tasks: share, options } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`A volatility worker stopped with code ${code}.`));
          });
        }),
    ),
  );
  const results: VolatilityResults = {
    missProbability: new Float64Array(tasks.length),
    cvSpend: new Float64Array(tasks.length),
    analyticCv: new Float64Array(tasks.length),
  };
  parts.forEach((part, w) => {
    for (let j = 0; j < part.missProbability.length; j++) {
      const i = j * count + w;
      results.missProbability[i] = part.missProbability[j]!;
      results.cvSpend[i] = part.cvSpend[j]!;
      results.analyticCv[i] = part.analyticCv[j]!;
    }
  });
  return results;
}
