import { describe, expect, it } from 'vitest';
import { cumulativeEffect, partYearEffect } from './part-year-effect.ts';

describe('part-year effect', () => {
  it('Worked example (part-year effect)', () => {
    // 0.03 × (13 − 7) ÷ 12 = 0.015; 0.03 × 3 ÷ 12 = 0.0075; 0.03 × 12 ÷ 12 = 0.03.
    expect(partYearEffect(0.03, 7)).toBeCloseTo(0.015, 12);
    expect(partYearEffect(0.03, 10)).toBeCloseTo(0.0075, 12);
    expect(partYearEffect(0.03, 1)).toBeCloseTo(0.03, 12);
    // Recurrent: the October tranche saves its full 3% in the next year.
    expect(cumulativeEffect([0.03, 0], [7, 1], 2)).toBeCloseTo(0.03, 12);
  });

  it('adds earlier tranches at full rate to this year’s part-year effect', () => {
    // 0.03 + 0.01 × (13 − 4) ÷ 12 = 0.03 + 0.0075 = 0.0375.
    expect(cumulativeEffect([0.03, 0.01], [7, 4], 2)).toBeCloseTo(0.0375, 12);
  });
});
