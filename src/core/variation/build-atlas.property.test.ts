import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS } from '../population/age-bands.ts';
import type { FinancialYear, IcbCode, ServiceCode } from '../units.ts';
import { buildAtlas } from './build-atlas.ts';
import { AGE_SEX_STANDARD } from './standard-population.ts';

const BAND_COUNT = AGE_SEX_STANDARD.length;

describe('atlas properties', () => {
  it('a standardised rate equals the crude rate when the local age/sex structure equals the standard', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: BAND_COUNT, maxLength: BAND_COUNT }),
        fc.integer({ min: 1, max: 20 }),
        (events, scale) => {
          fc.pre(events.reduce((a, b) => a + b, 0) >= 10);
          const atlas = buildAtlas({
            cells: AGE_SEX_STANDARD.map((band, i) => ({
              financialYear: '2024/25' as FinancialYear,
              icbCode: 'A' as IcbCode,
              serviceCode: 'S' as ServiceCode,
              ageBand: band.ageBand,
              sex: band.sex,
              activity: events[i]!,
              patients: null,
              spendPence: 0,
              rows: 1,
            })),
            // Population proportional to the standard weights.
            populations: AGE_SEX_STANDARD.map((band) => ({
              icbCode: 'A' as IcbCode,
              ageBand: band.ageBand,
              sex: band.sex,
              persons: band.weight * scale,
            })),
            needs: [],
            measures: ['activity'],
          });
          const [rate] = atlas.rates;
          expect(rate!.standardised.value!).toBeCloseTo(rate!.crude.value!, 6);
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });

  it('every limit contains its rate, and the 99.8% limits are wider than the 95% ones', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 3, maxLength: 3 }), (perIcb) => {
        const icbs = ['A', 'B', 'C'];
        const atlas = buildAtlas({
          cells: icbs.map((icb, i) => ({
            financialYear: '2024/25' as FinancialYear,
            icbCode: icb as IcbCode,
            serviceCode: 'S' as ServiceCode,
            ageBand: '40-44',
            sex: 'F' as const,
            activity: perIcb[i]!,
            patients: null,
            spendPence: 0,
            rows: 1,
          })),
          populations: icbs.flatMap((icb) =>
            AGE_BANDS.map((ageBand) => ({ icbCode: icb as IcbCode, ageBand, sex: 'F' as const, persons: 5000 })),
          ),
          needs: [],
          measures: ['activity'],
        });
        for (const rate of atlas.rates) {
          for (const figures of [rate.crude, rate.standardised]) {
            if (figures.value === null) continue;
            expect(figures.upper95!).toBeGreaterThanOrEqual(figures.value);
            expect(figures.upper998!).toBeGreaterThan(figures.upper95!);
            if (figures.lower95 !== null) expect(figures.lower95).toBeLessThanOrEqual(figures.value);
            // At 0 events both lower limits are 0.
            if (figures.lower998 !== null) expect(figures.lower998).toBeLessThanOrEqual(figures.lower95!);
          }
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});
