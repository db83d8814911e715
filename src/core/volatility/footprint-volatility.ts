// Volatility for many service × footprint pairs at once. Each pair's seed comes from the master seed and
// the two names (volatilitySeed), so any split of the list across threads gives the same numbers.
import { annualSpendVolatility, DEFAULT_ITERATIONS, DEFAULT_MISS_MARGIN } from './annual-spend.ts';
import type { CostModel } from './cost-model.ts';
import { volatilitySeed } from './derived-seed.ts';

export interface VolatilityTask {
  serviceCode: string;
  footprint: string;
  expectedPatients: number;
  cost: CostModel;
}

export interface VolatilityOptions {
  masterSeed: number;
  iterations?: number;
  missMargin?: number;
}

/** Miss probability and simulated CV per task, in task order; NaN where there are no expected patients. */
export interface VolatilityResults {
  missProbability: Float64Array;
  cvSpend: Float64Array;
  analyticCv: Float64Array;
}

export function footprintVolatilities(tasks: readonly VolatilityTask[], options: VolatilityOptions): VolatilityResults {
  const results: VolatilityResults = {
    missProbability: new Float64Array(tasks.length).fill(Number.NaN),
    cvSpend: new Float64Array(tasks.length).fill(Number.NaN),
    analyticCv: new Float64Array(tasks.length).fill(Number.NaN),
  };
  tasks.forEach((task, i) => {
    if (!(task.expectedPatients > 0)) return;
    const r = annualSpendVolatility({
      expectedPatients: task.expectedPatients,
      cost: task.cost,
      iterations: options.iterations ?? DEFAULT_ITERATIONS,
      missMargin: options.missMargin ?? DEFAULT_MISS_MARGIN,
      seed: volatilitySeed(options.masterSeed, task.serviceCode, task.footprint),
    });
    results.missProbability[i] = r.missProbability;
    results.cvSpend[i] = r.cvSpend;
    results.analyticCv[i] = r.analyticCv;
  });
  return results;
}
