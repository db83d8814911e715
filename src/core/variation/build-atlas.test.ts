import { describe, expect, it } from 'vitest';
import { AGE_BANDS } from '../population/age-bands.ts';
import type { FinancialYear, IcbCode, ServiceCode } from '../units.ts';
import { buildAtlas } from './build-atlas.ts';
import type { PopulationBand, UtilisationCell } from './utilisation-cell.ts';

const ICBS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
/** Each ICB: 10,000 people in every band of each sex (380,000). */
const populations: PopulationBand[] = ICBS.flatMap((icb) =>
  AGE_BANDS.flatMap((ageBand) =>
    (['M', 'F'] as const).map((sex) => ({ icbCode: icb as IcbCode, ageBand, sex, persons: 10_000 })),
  ),
);
/** `perBand` events in every band of the ICB, in one year. */
const cells = (year: string, perBand: Record<string, number>): UtilisationCell[] =>
  Object.entries(perBand).flatMap(([icb, events]) =>
    AGE_BANDS.flatMap((ageBand) =>
      (['M', 'F'] as const).map((sex) => ({
        financialYear: year as FinancialYear,
        icbCode: icb as IcbCode,
        serviceCode: 'S1' as ServiceCode,
        ageBand,
        sex,
        activity: events,
        patients: events,
        spendPence: events * 10_000,
        rows: 1,
      })),
    ),
  );

describe('the atlas', () => {
  // 2023/24: five ICBs with 10 events per band (38 bands, 380 events, 100 per 100,000) and E with 30 per
  // band (300 per 100,000). 2024/25: all at 10 per band except E at 12 (120 per 100,000).
  const atlas = buildAtlas({
    cells: [
      ...cells('2023/24', { A: 10, B: 10, C: 10, D: 10, E: 30, F: 10 }),
      ...cells('2024/25', { A: 10, B: 10, C: 10, D: 10, E: 12, F: 10 }),
    ],
    populations,
    needs: ICBS.map((icb, i) => ({ icbCode: icb as IcbCode, needIndex: 1 + i / 10 })),
  });
  const rate = (year: string, icb: string, measure = 'activity') =>
    atlas.rates.find((r) => r.financialYear === year && r.icbCode === icb && r.measure === measure)!;
  const variation = (year: string, measure = 'activity') =>
    atlas.variation.find((v) => v.financialYear === year && v.measure === measure)!;

  it('Atlas: an ICB at three times England’s rate is named above the 99.8% limit', () => {
    // Uniform bands: the DSR equals the crude rate, 380 / 380,000 × 100,000 = 100, and E's is 300.
    expect(rate('2023/24', 'A').standardised.value).toBeCloseTo(100, 9);
    expect(rate('2023/24', 'E').standardised.value).toBeCloseTo(300, 9);
    expect(rate('2023/24', 'E').significance).toBe('High (0.001)');
    // θ = 3,040 events ÷ 2,280,000 = 133.3 per 100,000; 100 with 380 events is below the 99.8% limit too.
    expect(variation('2023/24').funnelBaseline).toBeCloseTo((3040 / 2_280_000) * 100_000, 9);
    expect(rate('2023/24', 'A').significance).toBe('Low (0.001)');
    expect(variation('2023/24')).toMatchObject({ high998: 1, low998: 5 });
  });

  it('Atlas: variation narrowing from one year to the next', () => {
    // 2023/24 rates 100 ×5 and 300: mean 133.33, sd = √((5·33.33² + 166.67²)/5) = 81.65, cv 0.6124.
    // 2024/25 rates 100 ×5 and 120: mean 103.33, sd = √((5·3.333² + 16.667²)/5) = 8.165, cv 0.07902.
    expect(variation('2023/24').cv).toBeCloseTo(81.64965809277261 / 133.33333333333334, 9);
    expect(variation('2024/25').cv).toBeCloseTo(8.16496580927726 / 103.33333333333333, 9);
    expect(variation('2024/25')).toMatchObject({ narrowing: true });
    expect(variation('2024/25').previousCv).toBeCloseTo(variation('2023/24').cv!, 12);
    expect(variation('2023/24').narrowing).toBeNull();
    expect(rate('2024/25', 'E').changeSincePrevious).toBeCloseTo(120 - 300, 9);
  });

  it('compares each ICB with its peers and stores a 100-point funnel for each count measure', () => {
    // Need 1.0, 1.1, …, 1.5: E (1.4)'s five peers are everyone else; their mean rate in 2024/25 is 100.
    expect(rate('2024/25', 'E').peerMeanRate).toBeCloseTo(100, 9);
    expect(rate('2024/25', 'E').peerRank).toBe(1);
    const funnels = atlas.funnels.filter((f) => f.financialYear === '2024/25');
    expect(funnels.filter((f) => f.measure === 'activity')).toHaveLength(100);
    expect(funnels.filter((f) => f.measure === 'spend')).toHaveLength(0);
    expect(rate('2024/25', 'E', 'spend').significance).toBeNull();
  });
});
