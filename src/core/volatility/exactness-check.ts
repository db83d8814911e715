// The yardstick for spendSampler: the simulation done the slow way (every patient's cost drawn and added)
// beside the sampler, on the same question, as tail probabilities with their standard errors. The test and
// the table in methods.md ("Large years") both come from here, so they measure the same thing.
import { SeededRandom } from '../generate/seeded-random.ts';
import { type CostModel, costMoments } from './cost-model.ts';
import { exactSpendSampler, type SpendSampler, spendSampler } from './spend-sampler.ts';

export interface TailShares {
  /** P(S > (1 + m)·E[S]). */
  above: number;
  /** P(S < (1 − m)·E[S]). */
  below: number;
}

function tailShares(sampler: SpendSampler, expected: number, margin: number, years: number, seed: number) {
  const random = new SeededRandom(seed);
  let above = 0;
  let below = 0;
  for (let year = 0; year < years; year++) {
    const spend = sampler.draw(random);
    if (spend > (1 + margin) * expected) above++;
    else if (spend < (1 - margin) * expected) below++;
  }
  return { above: above / years, below: below / years };
}

export interface ExactnessComparison {
  lambda: number;
  margin: number;
  method: SpendSampler['method'];
  tailRate: number;
  sampler: TailShares;
  exact: TailShares;
  /** (sampler − exact) / standard error of the difference, per tail; 0 when both are 0. */
  zAbove: number;
  zBelow: number;
}

function zScore(a: number, b: number, years: number): number {
  // The pooled share keeps the error honest when one side saw no misses at all.
  const pooled = (a + b) / 2;
  const se = Math.sqrt((2 * pooled * (1 - pooled)) / years);
  return se > 0 ? (a - b) / se : 0;
}

/** The default margin puts each tail near 5%: z = 1.645 standard deviations of S, where a shortcut's error
 * in the shape of the sum shows, and where tier thresholds sit. */
export function informativeMargin(lambda: number, cost: CostModel): number {
  const m = costMoments(cost);
  return Math.min(0.9, (1.645 * Math.sqrt(m.secondMoment / lambda)) / m.mean);
}

/** Both samplers on independent streams (seed, seed + 1), `years` years each. */
export function compareWithExactSum(
  lambda: number,
  cost: CostModel,
  options: { years: number; seed: number; margin?: number; sampler?: SpendSampler },
): ExactnessComparison {
  const margin = options.margin ?? informativeMargin(lambda, cost);
  const expected = lambda * costMoments(cost).mean;
  const sampler = options.sampler ?? spendSampler(lambda, cost);
  const fast = tailShares(sampler, expected, margin, options.years, options.seed);
  const exact = tailShares(exactSpendSampler(lambda, cost), expected, margin, options.years, options.seed + 1);
  return {
    lambda,
    margin,
    method: sampler.method,
    tailRate: sampler.tailRate,
    sampler: fast,
    exact,
    zAbove: zScore(fast.above, exact.above, options.years),
    zBelow: zScore(fast.below, exact.below, options.years),
  };
}
