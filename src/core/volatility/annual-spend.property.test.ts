import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualSpendVolatility, simulateAnnualSpends } from './annual-spend.ts';
import { volatilitySeed } from './derived-seed.ts';

const cost = { kind: 'lognormal' as const, mean: 8_000, cv: 1.2 };

describe('financial volatility properties', () => {
  it('the same seed gives the same numbers whatever the order of work', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(fc.constantFrom('S1', 'S2', '7', '2A'), fc.constantFrom('QWE', 'QKK', 'South London')),
          {
            minLength: 2,
            maxLength: 6,
            selector: ([s, f]) => `${s}|${f}`,
          },
        ),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (tasks, master) => {
          const run = (order: typeof tasks) =>
            new Map(
              order.map(([s, f]) => [
                `${s}|${f}`,
                annualSpendVolatility({
                  expectedPatients: 40,
                  cost,
                  iterations: 200,
                  seed: volatilitySeed(master, s, f),
                }).missProbability,
              ]),
            );
          const forward = run(tasks);
          const backward = run([...tasks].reverse());
          for (const [key, value] of forward) expect(backward.get(key)).toBe(value);
        },
      ),
      { seed: 42, numRuns: 30 },
    );
  });

  it('the simulated CV agrees with the analytic CV within sampling error', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (lambda, cv, seed) => {
          const r = annualSpendVolatility({
            expectedPatients: lambda,
            cost: { kind: 'lognormal', mean: 1000, cv },
            seed,
            iterations: 20_000,
          });
          // The CV's standard error is about CV·√((1 + kurtosis-ish)/2M); a 12% relative band holds with
          // room for the heavy tails of a lognormal with CV 2 at small λ.
          expect(Math.abs(r.cvSpend / r.analyticCv - 1)).toBeLessThan(0.12);
        },
      ),
      { seed: 42, numRuns: 25 },
    );
  });

  // Below about 20 expected patients the count is so discrete that the miss probability is not monotone
  // (at λ = 1 with equal costs only N = 1 is on target, P = 0.63; at λ = 4, P = 0.80): a real effect, noted
  // in methods.md, so the property starts at 20.
  it('miss probability falls as population rises (within Monte Carlo error)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (lambda, cv, seed) => {
          const at = (l: number) =>
            annualSpendVolatility({
              expectedPatients: l,
              cost: { kind: 'lognormal', mean: 1000, cv },
              seed,
              iterations: 4000,
            }).missProbability;
          // Four times the population: the miss probability must not rise by more than three standard errors.
          const se = Math.sqrt(0.25 / 4000);
          expect(at(lambda * 4)).toBeLessThanOrEqual(at(lambda) + 3 * se * Math.SQRT2);
        },
      ),
      { seed: 42, numRuns: 40 },
    );
  });

  it('Monte Carlo years replay from their seed', () => {
    const a = simulateAnnualSpends({ expectedPatients: 12.5, cost, iterations: 500, seed: 99 });
    const b = simulateAnnualSpends({ expectedPatients: 12.5, cost, iterations: 500, seed: 99 });
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});
