import { describe, expect, it } from 'vitest';
import { FootprintError } from '../errors.ts';
import { annualSpendVolatility } from './annual-spend.ts';
import { volatilitySeed } from './derived-seed.ts';
import { minimumViablePopulation } from './minimum-viable-population.ts';

function problemOf(call: () => unknown) {
  try {
    call();
  } catch (error) {
    if (error instanceof FootprintError) return error.problem;
    throw error;
  }
  throw new Error('expected a FootprintError');
}

describe('financial volatility', () => {
  it('Volatility: analytic CV, 100 patients, cost CV 0.5', () => {
    // E[S] = 100 × £10,000; CV = √(1.25/100) = 0.111803; normal approximation of the miss
    // probability 2·(1 − Φ(0.894427)) = 0.371093.
    const r = annualSpendVolatility({
      expectedPatients: 100,
      cost: { kind: 'lognormal', mean: 10_000, cv: 0.5 },
      seed: 7,
    });
    expect(r.expectedSpend).toBe(1_000_000);
    expect(r.analyticCv).toBeCloseTo(0.111803, 6);
    expect(Math.abs(r.missProbability - 0.371093)).toBeLessThan(0.03);
    expect(Math.abs(r.cvSpend - 0.111803)).toBeLessThan(0.005);
    expect(r.iterations).toBe(10_000);
  });

  it('Volatility: equal costs reduce to the Poisson', () => {
    // P(N < 90) + P(N > 110) for N ~ Poisson(100) = 0.146346 + 0.147137 = 0.293484; SE 0.0045.
    const r = annualSpendVolatility({ expectedPatients: 100, cost: { kind: 'lognormal', mean: 500, cv: 0 }, seed: 11 });
    expect(Math.abs(r.missProbability - 0.293484)).toBeLessThan(3 * 0.0046);
    expect(r.analyticCv).toBeCloseTo(0.1, 12);
  });

  it('Minimum viable population: normal approximation', () => {
    // λ* = 1.25 × (1.644854/0.1)² = 338.19; at 5 per 100,000 people, 6,763,859.
    const r = minimumViablePopulation({
      patientsPerPerson: 5e-5,
      cost: { kind: 'lognormal', mean: 10_000, cv: 0.5 },
      seed: 3,
      iterations: 2000,
    });
    expect(r.analyticPatients).toBeCloseTo(338.19, 2);
    expect(r.analyticPopulation).toBeCloseTo(6_763_859, -1);
    // The simulated answer sits near the approximation (the sum is slightly skewed).
    expect(r.simulatedPatients / r.analyticPatients).toBeGreaterThan(0.8);
    expect(r.simulatedPatients / r.analyticPatients).toBeLessThan(1.25);
    expect(r.curve).toHaveLength(13);
  });

  it('resamples observed costs', () => {
    const costs = new Float64Array([100, 200, 300, 400]);
    const r = annualSpendVolatility({ expectedPatients: 20, cost: { kind: 'resample', costs }, seed: 5 });
    // E[C] = 250, E[C²] = (1+4+9+16)·10⁴/4 = 75,000; CV = √(20·75,000)/(20·250) = 0.244949.
    expect(r.expectedSpend).toBe(5000);
    expect(r.analyticCv).toBeCloseTo(0.244949, 6);
    expect(Math.abs(r.cvSpend - r.analyticCv)).toBeLessThan(0.01);
  });

  it('derives a seed per service and footprint from the names alone', () => {
    expect(volatilitySeed(1, 'S1', 'North')).toBe(volatilitySeed(1, 'S1', 'North'));
    expect(volatilitySeed(1, 'S1', 'North')).not.toBe(volatilitySeed(1, 'S1', 'South'));
    expect(volatilitySeed(1, 'S1', 'North')).not.toBe(volatilitySeed(2, 'S1', 'North'));
  });

  it.each([
    ['expectedPatients', { expectedPatients: 0 }],
    ['expectedPatients', { expectedPatients: -3 }],
    ['cvCost', { cost: { kind: 'lognormal' as const, mean: 10, cv: -0.1 } }],
    ['meanCost', { cost: { kind: 'lognormal' as const, mean: 0, cv: 0.1 } }],
    ['iterations', { iterations: 99 }],
    ['missMargin', { missMargin: 0 }],
    ['seed', { seed: -1 }],
  ])('rejects a bad %s with FP_VOLATILITY_BAD_ARGUMENT naming it', (field, change) => {
    const problem = problemOf(() =>
      annualSpendVolatility({
        expectedPatients: 10,
        cost: { kind: 'lognormal', mean: 10, cv: 0.5 },
        seed: 1,
        ...change,
      }),
    );
    expect(problem.code).toBe('FP_VOLATILITY_BAD_ARGUMENT');
    expect(problem.where).toEqual({ field });
  });
});
