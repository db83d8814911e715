// The cost of one patient's year of care: lognormal with the service's observed mean and CV, or resampled
// from observed per-patient costs. Either way the simulation needs only its mean and variance (for the
// analytic check and for large years) and a way to draw one cost.
import { badVolatilityArgument, checkPositive } from './volatility-arguments.ts';

export type CostModel =
  /** Lognormal fitted by moments: mean μ and coefficient of variation v (v = 0: every patient costs μ). */
  | { kind: 'lognormal'; mean: number; cv: number }
  /** Draws with replacement from observed per-patient costs. */
  | { kind: 'resample'; costs: Float64Array };

export interface CostMoments {
  mean: number;
  variance: number;
  /** E[C²] = variance + mean². */
  secondMoment: number;
}

export function checkCostModel(model: CostModel): void {
  if (model.kind === 'lognormal') {
    checkPositive('meanCost', model.mean);
    if (!(Number.isFinite(model.cv) && model.cv >= 0)) {
      badVolatilityArgument('cvCost', 'The cost CV must be a number of 0 or more.', model.cv, '0 or more, e.g. 0.5');
    }
    return;
  }
  if (model.costs.length === 0) {
    badVolatilityArgument('costs', 'Resampling needs at least one observed cost.', 0, 'one or more costs above 0');
  }
  for (let i = 0; i < model.costs.length; i++) {
    const cost = model.costs[i]!;
    if (!(Number.isFinite(cost) && cost > 0)) {
      badVolatilityArgument(`costs.${i}`, 'Every observed cost must be a number above 0.', cost, 'above 0');
    }
  }
}

export function costMoments(model: CostModel): CostMoments {
  if (model.kind === 'lognormal') {
    const variance = (model.mean * model.cv) ** 2;
    return { mean: model.mean, variance, secondMoment: variance + model.mean ** 2 };
  }
  let sum = 0;
  let sumSquares = 0;
  for (const cost of model.costs) {
    sum += cost;
    sumSquares += cost * cost;
  }
  const mean = sum / model.costs.length;
  const secondMoment = sumSquares / model.costs.length;
  return { mean, variance: Math.max(0, secondMoment - mean * mean), secondMoment };
}
