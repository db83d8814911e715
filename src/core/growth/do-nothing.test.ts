import { describe, expect, it } from 'vitest';
import type { FinancialYear, ProviderCode, ServiceCode } from '../units.ts';
import { doNothingSpend, type GrowthRates, type SpendLine } from './do-nothing.ts';

const baseYear = '2024/25' as FinancialYear;
const line = (pod: SpendLine['pod'], spend: number): SpendLine => ({
  provider: 'RA7' as ProviderCode,
  service: '13X' as ServiceCode,
  pod,
  spend,
});
const rates: GrowthRates = {
  demographic: { default: [0.01, 0.005] },
  nonDemographic: { default: [0.02, 0.02], byPod: { HCD: [0.05, 0.05] } },
  inflation: [0.03, 0.02],
};

/** Matches a thrown FootprintError by its problem's code and location. */
const problem = (code: string, where: object) =>
  expect.objectContaining({ problem: expect.objectContaining({ code, where }) });

describe('do-nothing growth', () => {
  it('Worked example (do-nothing growth, two lines over two years)', () => {
    const result = doNothingSpend(baseYear, [line('APC_EL', 1_000_000), line('HCD', 200_000)], 2, rates);
    const [a1, a2, h1, h2] = result;
    // Line A 2025/26: 1,000,000 × 0.01 = 10,000; 1,010,000 × 0.02 = 20,200; 1,030,200 × 0.03 = 30,906.
    expect(a1).toMatchObject({ planYear: 1, financialYear: '2025/26', previous: 1_000_000 });
    expect(a1!.demographicGrowth).toBeCloseTo(10_000, 6);
    expect(a1!.nonDemographicGrowth).toBeCloseTo(20_200, 6);
    expect(a1!.inflation).toBeCloseTo(30_906, 6);
    expect(a1!.doNothing).toBeCloseTo(1_061_106, 6);
    // Line A 2026/27: 5,305.53; 21,328.2306; 21,754.795212 → 1,109,494.555812.
    expect(a2).toMatchObject({ planYear: 2, financialYear: '2026/27' });
    expect(a2!.demographicGrowth).toBeCloseTo(5_305.53, 6);
    expect(a2!.nonDemographicGrowth).toBeCloseTo(21_328.2306, 6);
    expect(a2!.inflation).toBeCloseTo(21_754.795212, 6);
    expect(a2!.doNothing).toBeCloseTo(1_109_494.555812, 6);
    // Line H (HCD grows 5% non-demographically): 2,000; 10,100; 6,363 → 218,463.
    expect(h1!.demographicGrowth).toBeCloseTo(2_000, 6);
    expect(h1!.nonDemographicGrowth).toBeCloseTo(10_100, 6);
    expect(h1!.inflation).toBeCloseTo(6_363, 6);
    expect(h1!.doNothing).toBeCloseTo(218_463, 6);
    // 1,092.315; 10,977.76575; 4,610.661615 → 235,143.742365.
    expect(h2!.demographicGrowth).toBeCloseTo(1_092.315, 6);
    expect(h2!.nonDemographicGrowth).toBeCloseTo(10_977.76575, 6);
    expect(h2!.inflation).toBeCloseTo(4_610.661615, 6);
    expect(h2!.doNothing).toBeCloseTo(235_143.742365, 6);
    // Unit total 2025/26: 1,061,106 + 218,463 = 1,279,569.
    expect(a1!.doNothing + h1!.doNothing).toBeCloseTo(1_279_569, 6);
  });

  it('uses a service’s own demographic growth when projections give one', () => {
    const [first] = doNothingSpend(baseYear, [line('APC_EL', 1_000)], 1, {
      ...rates,
      demographic: { default: [0.01], byService: { '13X': [0.1] } },
      nonDemographic: { default: [0] },
      inflation: [0],
    });
    // 1,000 × 0.1 = 100.
    expect(first!.demographicGrowth).toBeCloseTo(100, 9);
  });

  it('FP_PLAN_ARRAY_LENGTH names the growth array that is short', () => {
    expect(() => doNothingSpend(baseYear, [line('APC_EL', 1)], 3, rates)).toThrow(
      problem('FP_PLAN_ARRAY_LENGTH', { field: 'growth.demographic' }),
    );
  });

  it('FP_PLAN_BAD_GROWTH names the year whose rate is −100% or less', () => {
    expect(() => doNothingSpend(baseYear, [line('APC_EL', 1)], 2, { ...rates, inflation: [0.02, -1] })).toThrow(
      problem('FP_PLAN_BAD_GROWTH', { field: 'growth.inflation[1]' }),
    );
  });

  it('FP_PLAN_BAD_HORIZON refuses more than 10 years', () => {
    expect(() => doNothingSpend(baseYear, [], 11, rates)).toThrow(problem('FP_PLAN_BAD_HORIZON', { field: 'years' }));
  });

  it('FP_PLAN_BAD_MONEY names the row whose spend is not a number', () => {
    expect(() => doNothingSpend(baseYear, [line('APC_EL', 1), line('HCD', Number.NaN)], 2, rates)).toThrow(
      problem('FP_PLAN_BAD_MONEY', { row: 2, field: 'spend' }),
    );
  });
});
