import { describe, expect, it } from 'vitest';
import { expectMatchesOracle, readOracle } from '../../../test/fixtures/oracles/read-oracle.ts';
import { estimateColumns } from './arguments.ts';
import { calculateMean } from './mean.ts';

const TOLERANCE = 1e-12;

describe('mean against PHEindicatormethods (mean_input.csv → mean_results.csv)', () => {
  const input = readOracle('indicators/mean_input.csv');
  for (const row of readOracle('indicators/mean_results.csv')) {
    it(row.area!, () => {
      const values = input
        .filter((r) => row.area === 'No grouping' || r.area === row.area)
        .map((r) => Number(r.values));
      const estimate = calculateMean(values, { confidence: [0.95, 0.998] });
      const columns = estimateColumns(estimate);
      for (const figure of ['value', 'lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl']) {
        expectMatchesOracle(columns[figure], row[figure], TOLERANCE);
      }
      expectMatchesOracle(estimate.stdev, row.stdev, TOLERANCE);
      expect(estimate.valueCount).toBe(Number(row.value_count));
      expect(columns.method).toBe(row.method);
    });
  }
});

describe('worked examples (docs/methods.md)', () => {
  it('Mean: eight values with Student t 95% limits', () => {
    // Values 2,4,4,4,5,5,7,9: mean 5; s = √(32/7) = 2.138089935299395; t₇(0.975) = 2.364624251592784;
    // half-width = 2.364624251592784 × 2.138089935299395 / √8 = 1.787487918236209.
    const estimate = calculateMean([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(estimate.value).toBe(5);
    expect(estimate.limits[0]!.lower).toBeCloseTo(3.21251208176379, 12);
    expect(estimate.limits[0]!.upper).toBeCloseTo(6.787487918236209, 12);
  });
});

describe('too few values', () => {
  it('gives null limits with a reason for a single value', () => {
    const estimate = calculateMean([7]);
    expect(estimate.value).toBe(7);
    expect(estimate.limits[0]).toEqual({ confidence: 0.95, lower: null, upper: null });
    expect(estimate.reason).toMatch(/two values/);
  });
  it('rejects no values, naming them', () => {
    expect(() => calculateMean([])).toThrow(
      expect.objectContaining({
        code: 'FP_STATS_BAD_ARGUMENT',
        problem: expect.objectContaining({ where: { field: 'values' } }),
      }),
    );
  });
});
