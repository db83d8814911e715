import { describe, expect, it } from 'vitest';
import { allocationPath } from './allocation.ts';
import { gap } from './gap.ts';

/** Matches a thrown FootprintError by its problem's code and location. */
const problem = (code: string, where: object) =>
  expect.objectContaining({ problem: expect.objectContaining({ code, where }) });

describe('allocation, gap and control totals', () => {
  it('Worked example (gap and control total)', () => {
    // 1,500,000 × 1.03 = 1,545,000; × 1.025 = 1,583,625.
    const [a1, a2] = allocationPath(1_500_000, [0.03, 0.025]);
    expect(a1).toBeCloseTo(1_545_000, 6);
    expect(a2).toBeCloseTo(1_583_625, 6);
    // 1,545,000 − 1,467,500 = 77,500; break even required, so 77,500 to spare.
    const year1 = gap(a1!, 1_467_500, 0);
    expect(year1.gap).toBeCloseTo(77_500, 6);
    expect(year1.distanceToControlTotal).toBeCloseTo(77_500, 6);
    // 1,583,625 − 1,567,500 = 16,125; a 20,000 surplus required, so 16,125 − 20,000 = −3,875.
    const year2 = gap(a2!, 1_567_500, 20_000);
    expect(year2.gap).toBeCloseTo(16_125, 6);
    expect(year2.distanceToControlTotal).toBeCloseTo(-3_875, 6);
  });

  it('reports no distance when no control total is set', () => {
    expect(gap(100, 120)).toEqual({ gap: -20, controlTotal: null, distanceToControlTotal: null });
  });

  it('FP_PLAN_BAD_MONEY when the base allocation is not a number', () => {
    expect(() => allocationPath(Number.POSITIVE_INFINITY, [0.01])).toThrow(
      problem('FP_PLAN_BAD_MONEY', { field: 'allocation' }),
    );
  });
});
