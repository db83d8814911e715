import { describe, expect, it } from 'vitest';
import { AGE_BANDS } from './age-bands.ts';
import { ESTIMATE_ANNUAL_GROWTH, estimateFactors } from './estimated-projection.ts';

describe('estimateFactors', () => {
  it('ages each band back and forward from mid-2026 at its rate (worked example)', () => {
    // 85-89 grows 2.5% a year: 1,000 in 2026 → 1,025 in 2027, 1,000 / 1.025² = 951.81 in 2024.
    expect(ESTIMATE_ANNUAL_GROWTH['85-89']).toBe(0.025);
    const rows = estimateFactors(2024, 2027).filter((f) => f.ageBand === '85-89');
    expect(rows.map((r) => [r.year, Number((1000 * r.factor).toFixed(2))])).toEqual([
      [2024, 951.81],
      [2025, 975.61],
      [2026, 1000],
      [2027, 1025],
    ]);
  });

  it('covers every band and year, and the youngest band shrinks while the oldest grows', () => {
    const factors = estimateFactors();
    expect(factors).toHaveLength(AGE_BANDS.length * (2040 - 2019 + 1));
    const at = (band: string, year: number) => factors.find((r) => r.ageBand === band && r.year === year)!.factor;
    expect(at('0-4', 2035)).toBeLessThan(1);
    expect(at('90+', 2035)).toBeGreaterThan(1);
  });
});
