import { describe, expect, it } from 'vitest';
import { expectMatchesOracle, oracleNumber, readOracle } from '../../../test/fixtures/oracles/read-oracle.ts';
import { estimateColumns } from './arguments.ts';
import { calculateProportion, wilsonLimits } from './proportion.ts';

// Closed-form Wilson limits: agreement to 1e-12 relative (rounding in the last digits only).
const TOLERANCE = 1e-12;
const FIGURES = ['value', 'lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'];

describe('proportion against PHEindicatormethods (proportion_cases.csv)', () => {
  for (const row of readOracle('indicators/proportion_cases.csv')) {
    it(`case ${row.case_row}: ${row.Numerator} of ${row.Denominator} × ${row.multiplier}`, () => {
      const columns = estimateColumns(
        calculateProportion(
          { numerator: oracleNumber(row.Numerator), denominator: oracleNumber(row.Denominator) },
          { confidence: [0.95, 0.998], multiplier: Number(row.multiplier) },
        ),
      );
      for (const figure of FIGURES) expectMatchesOracle(columns[figure], row[figure], TOLERANCE);
      expect(columns.method).toBe(row.method);
      expect(columns.statistic).toBe(row.statistic);
    });
  }
});

describe('grouped proportions (proportion_grouped_results.csv)', () => {
  for (const row of readOracle('indicators/proportion_grouped_results.csv')) {
    it(row.Area!, () => {
      const columns = estimateColumns(
        calculateProportion(
          { numerator: oracleNumber(row.Numerator), denominator: oracleNumber(row.Denominator) },
          { confidence: 0.95, multiplier: Number(row.multiplier) },
        ),
      );
      for (const figure of ['value', 'lowercl', 'uppercl'])
        expectMatchesOracle(columns[figure], row[figure], TOLERANCE);
    });
  }
});

describe('Wilson limits (byars_wilson_limits.csv)', () => {
  for (const row of readOracle('indicators/byars_wilson_limits.csv').filter((r) => r.method === 'wilson')) {
    it(`${row.x} of ${row.n} at ${row.confidence}`, () => {
      const { lower, upper } = wilsonLimits(Number(row.x), Number(row.n), Number(row.confidence));
      expectMatchesOracle(lower, row.lowercl, TOLERANCE);
      expectMatchesOracle(upper, row.uppercl, TOLERANCE);
    });
  }
});

describe('worked examples (docs/methods.md)', () => {
  it('Proportion: 65 of 100 with Wilson 95% limits', () => {
    // z² = 3.841458820694124; √(z² + 4·65·0.35) = √94.841458820694 = 9.738657; lower = (130 + z² − z·9.738657)
    // / (2·(100 + z²)) = 0.5525444329688797; upper = 0.7363575175690247.
    const estimate = calculateProportion({ numerator: 65, denominator: 100 });
    expect(estimate.value).toBe(0.65);
    expect(estimate.limits[0]!.lower).toBeCloseTo(0.5525444329688797, 12);
    expect(estimate.limits[0]!.upper).toBeCloseTo(0.7363575175690247, 12);
  });
});

describe('bad arguments', () => {
  it('rejects a numerator above the denominator, naming the numerator', () => {
    expect(() => calculateProportion({ numerator: 11, denominator: 10 })).toThrow(
      expect.objectContaining({
        code: 'FP_STATS_BAD_ARGUMENT',
        problem: expect.objectContaining({ where: { field: 'numerator' } }),
      }),
    );
  });
  it('gives 0 to 1 at 100% confidence', () => {
    const estimate = calculateProportion({ numerator: 65, denominator: 100 }, { confidence: 1 });
    expect(estimate.limits[0]).toEqual({ confidence: 1, lower: 0, upper: 1 });
  });
});
