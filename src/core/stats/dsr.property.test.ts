import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ESP_2013 } from '../population/age-bands.ts';
import { calculateCrudeRate } from './crude-rate.ts';
import { calculateDsr } from './dsr.ts';

const SETTINGS = { seed: 42, numRuns: 200 };

describe('directly standardised rate', () => {
  it('equals the crude rate when the local age structure equals the standard', () => {
    // Local population in each band = the ESP weight × a scale; events at any band-specific rates.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: AGE_BANDS.length, maxLength: AGE_BANDS.length }),
        (scale, events) => {
          fc.pre(events.reduce((a, b) => a + b, 0) >= 10);
          const bands = AGE_BANDS.map((band, i) => ({
            band,
            numerator: events[i]!,
            denominator: ESP_2013[i]! * scale,
          }));
          const dsr = calculateDsr(bands).value!;
          const crude = calculateCrudeRate({
            numerator: events.reduce((a, b) => a + b, 0),
            denominator: ESP_2013.reduce((a, b) => a + b, 0) * scale,
          }).value!;
          expect(Math.abs(dsr - crude) / crude).toBeLessThan(1e-12);
        },
      ),
      SETTINGS,
    );
  });
  it('has limits that contain the value and widen from 95% to 99.8%', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: AGE_BANDS.length, maxLength: AGE_BANDS.length }),
        fc.array(fc.integer({ min: 1, max: 100000 }), { minLength: AGE_BANDS.length, maxLength: AGE_BANDS.length }),
        (events, populations) => {
          fc.pre(events.reduce((a, b) => a + b, 0) >= 10);
          const estimate = calculateDsr(
            AGE_BANDS.map((band, i) => ({ band, numerator: events[i]!, denominator: populations[i]! })),
            { confidence: [0.95, 0.998] },
          );
          const [inner, outer] = estimate.limits;
          const value = estimate.value!;
          expect(inner!.lower!).toBeLessThanOrEqual(value);
          expect(inner!.upper!).toBeGreaterThanOrEqual(value);
          expect(outer!.lower!).toBeLessThanOrEqual(inner!.lower!);
          expect(outer!.upper!).toBeGreaterThanOrEqual(inner!.upper!);
        },
      ),
      SETTINGS,
    );
  });
});
