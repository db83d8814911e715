import { describe, expect, it } from 'vitest';
import { annualSpendVolatility } from './annual-spend.ts';
import { costMoments } from './cost-model.ts';
import { compareWithExactSum } from './exactness-check.ts';
import { drawGamma, drawPoisson, poissonSampler } from './random-draws.ts';
import { EXACT_PATIENTS_LIMIT, type SpendSampler, spendSampler } from './spend-sampler.ts';

// Years per cell: the exact sum costs λ draws a year, so the biggest footprints get fewer years (and a
// wider band); methods.md's table repeats the grid with 10,000 years everywhere.
const yearsAt = (lambda: number) => (lambda <= 100 ? 20_000 : lambda <= 1000 ? 4000 : 1000);
const LAMBDAS = [1, 10, 100, 1000, 10_000];
const CVS = [0.2, 0.5, 1, 1.5, 2, 3];

/** The shortcut this replaces: above 32 patients, one gamma with the sum's mean and variance. */
function meanVarianceGamma(lambda: number, mean: number, cv: number): SpendSampler {
  const counts = poissonSampler(lambda);
  const variance = (mean * cv) ** 2;
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  return {
    method: 'exact',
    tailRate: lambda,
    draw(random) {
      const n = drawPoisson(random, counts);
      if (n > 32) return drawGamma(random, (n * mean * mean) / variance, variance / mean);
      let spend = 0;
      for (let i = 0; i < n; i++) {
        const u = 1 - random.next();
        spend += Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next()));
      }
      return spend;
    },
  };
}

// The exact sums are slow by nature (λ cost draws a year) and the machine may be shared: a minute per case.
describe('annual spend sampler against the exact sum', { timeout: 60_000 }, () => {
  it.each(LAMBDAS.flatMap((lambda) => CVS.map((cv) => [lambda, cv] as const)))(
    'λ = %d, cost CV %d: both tails agree with summing every cost within 4 standard errors',
    (lambda, cv) => {
      const r = compareWithExactSum(
        lambda,
        { kind: 'lognormal', mean: 1000, cv },
        { years: yearsAt(lambda), seed: 15 },
      );
      expect(Math.abs(r.zAbove)).toBeLessThan(4);
      expect(Math.abs(r.zBelow)).toBeLessThan(4);
      // The margin is chosen so each tail holds a few per cent: a comparison of two zeros would prove nothing.
      expect(r.exact.above + r.exact.below).toBeGreaterThan(0.02);
    },
  );

  it('at the 10% margin of the issue: 50 patients, CV 1.5 agrees with the exact sum', () => {
    const r = compareWithExactSum(
      50,
      { kind: 'lognormal', mean: 20_000, cv: 1.5 },
      { years: 20_000, seed: 7, margin: 0.1 },
    );
    expect(Math.abs(r.zAbove)).toBeLessThan(4);
    expect(Math.abs(r.zBelow)).toBeLessThan(4);
  });

  it('the same check catches the mean-and-variance gamma it replaces', () => {
    // A gamma carries skewness 2·CV, the lognormal 3·CV + CV³: at CV 3, 36 against 6.
    const worst = [300, 1000].map((lambda) => {
      const r = compareWithExactSum(
        lambda,
        { kind: 'lognormal', mean: 1000, cv: 3 },
        { years: 20_000, seed: 3, sampler: meanVarianceGamma(lambda, 1000, 3) },
      );
      return Math.max(Math.abs(r.zAbove), Math.abs(r.zBelow));
    });
    expect(Math.max(...worst)).toBeGreaterThan(6);
  });

  it('resampled costs with a heavy tail agree with the exact sum', () => {
    // Nineteen costs of £1,000 and one of £200,000: nearly all the variance sits in the one rare cost.
    const costs = new Float64Array(20).fill(1000);
    costs[7] = 200_000;
    for (const lambda of [200, 2000]) {
      const r = compareWithExactSum(lambda, { kind: 'resample', costs }, { years: yearsAt(lambda), seed: 21 });
      expect(Math.abs(r.zAbove)).toBeLessThan(4);
      expect(Math.abs(r.zBelow)).toBeLessThan(4);
    }
  });

  it('sums every cost up to the exact limit and splits above it', () => {
    const cost = { kind: 'lognormal' as const, mean: 1000, cv: 1.5 };
    expect(spendSampler(EXACT_PATIENTS_LIMIT, cost).method).toBe('exact');
    expect(spendSampler(EXACT_PATIENTS_LIMIT * 10, cost).method).toBe('split');
    // The heavier the tail, the more of it is drawn cost by cost.
    expect(spendSampler(1000, { ...cost, cv: 3 }).tailRate).toBeGreaterThanOrEqual(spendSampler(1000, cost).tailRate);
  });

  it('keeps the mean: the simulated mean spend sits within 4 standard errors of λ·E[C]', () => {
    for (const cv of [0.5, 3]) {
      const cost = { kind: 'lognormal' as const, mean: 1000, cv };
      const r = annualSpendVolatility({ expectedPatients: 5000, cost, seed: 9, iterations: 10_000 });
      const sd = Math.sqrt(5000 * costMoments(cost).secondMoment);
      expect(Math.abs(r.simulatedMeanSpend - r.expectedSpend)).toBeLessThan((4 * sd) / Math.sqrt(10_000));
    }
  });
});
