import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { Estimate } from './arguments.ts';
import { calculateCrudeRate } from './crude-rate.ts';
import { calculateIsr } from './isr.ts';
import { calculateMean } from './mean.ts';
import { calculateProportion } from './proportion.ts';

const SETTINGS = { seed: 42, numRuns: 300 };
const BOTH = [0.95, 0.998];

function containsAndWidens(estimate: Estimate): boolean {
  const [inner, outer] = estimate.limits;
  const value = estimate.value!;
  const slack = 1e-9 * Math.max(1, Math.abs(value));
  const contains = (l: typeof inner) => (l!.lower === null || l!.lower <= value + slack) && l!.upper! >= value - slack;
  const wider =
    (outer!.lower === null || inner!.lower === null || outer!.lower <= inner!.lower + slack) &&
    outer!.upper! >= inner!.upper! - slack;
  return contains(inner) && contains(outer) && wider;
}

const count = fc.integer({ min: 0, max: 100000 });
const population = fc.integer({ min: 1, max: 10_000_000 });

describe('confidence limits', () => {
  it('crude rate: limits contain the value, and 99.8% is wider than 95%', () => {
    fc.assert(
      fc.property(count, population, (x, n) =>
        containsAndWidens(calculateCrudeRate({ numerator: x, denominator: n }, { confidence: BOTH })),
      ),
      SETTINGS,
    );
  });
  it('proportion: limits contain the value, and 99.8% is wider than 95%', () => {
    fc.assert(
      fc.property(population, fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const x = Math.floor(n * share);
        return containsAndWidens(calculateProportion({ numerator: x, denominator: n }, { confidence: BOTH }));
      }),
      SETTINGS,
    );
  });
  it('mean: limits contain the value, and 99.8% is wider than 95%', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }),
        (values) => containsAndWidens(calculateMean(values, { confidence: BOTH })),
      ),
      SETTINGS,
    );
  });
  it('ISR: limits contain the value, and 99.8% is wider than 95%', () => {
    fc.assert(
      fc.property(count, population, fc.integer({ min: 1, max: 1000 }), (observed, localPopulation, referenceEvents) =>
        containsAndWidens(
          calculateIsr(
            [
              {
                numerator: observed,
                denominator: localPopulation,
                referenceNumerator: referenceEvents,
                referenceDenominator: 1_000_000,
              },
            ],
            { confidence: BOTH },
          ),
        ),
      ),
      SETTINGS,
    );
  });
});
