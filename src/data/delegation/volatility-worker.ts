// One worker thread's share of the volatility tasks. The numbers do not depend on the split: each task's
// seed comes from the master seed and its own names.
import { parentPort, workerData } from 'node:worker_threads';
import { footprintVolatilities, type VolatilityOptions, type VolatilityTask } from '../../core/volatility/index.ts';

const { tasks, options } = workerData as { tasks: VolatilityTask[]; options: VolatilityOptions };
const results = footprintVolatilities(tasks, options);
parentPort!.postMessage(results, [
  results.missProbability.buffer as ArrayBuffer,
  results.cvSpend.buffer as ArrayBuffer,
  results.analyticCv.buffer as ArrayBuffer,
]);
