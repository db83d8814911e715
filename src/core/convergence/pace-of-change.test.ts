import { describe, expect, it } from 'vitest';
import { type ConvergenceUnit, paceOfChange } from './pace-of-change.ts';

/** Matches a thrown FootprintError by its problem's code and location. */
const problem = (code: string, where: object) =>
  expect.objectContaining({ problem: expect.objectContaining({ code, where }) });

// £1m, £2m and £7m in pence, with target shares 0.12, 0.22 and 0.66.
const units: ConvergenceUnit[] = [
  { unit: 'AAA', previousAllocationPence: 100_000_000, targetShare: 0.12 },
  { unit: 'BBB', previousAllocationPence: 200_000_000, targetShare: 0.22 },
  { unit: 'CCC', previousAllocationPence: 700_000_000, targetShare: 0.66 },
];
const envelopePence = 1_040_000_000;

describe('convergence (pace of change)', () => {
  it('Worked example (convergence, caps not binding)', () => {
    const { allocations, warnings } = paceOfChange(units, { envelopePence, floorGrowth: 0.01, capGrowth: 0.2 });
    // Targets 1,248,000, 2,288,000, 6,864,000; floors 1,010,000, 2,020,000, 7,070,000.
    expect(allocations.map((a) => a.targetAllocationPence)).toEqual([124_800_000, 228_800_000, 686_400_000]);
    expect(allocations.map((a) => a.floorPence)).toEqual([101_000_000, 202_000_000, 707_000_000]);
    // 300,000 × 238 ÷ 506 = 141,106.7194 and × 268 ÷ 506 = 158,893.2806; the spare penny goes to the first.
    expect(allocations.map((a) => a.allocationPence)).toEqual([115_110_672, 217_889_328, 707_000_000]);
    // Before: −16.67%, −9.09%, +6.06%; after: −7.76%, −4.77%, +3.00%.
    expect(allocations.map((a) => a.distanceFromTargetBefore)).toEqual([
      expect.closeTo(-0.166667, 6),
      expect.closeTo(-0.090909, 6),
      expect.closeTo(0.060606, 6),
    ]);
    expect(allocations.map((a) => a.distanceFromTargetAfter)).toEqual([
      expect.closeTo(-96_893.28 / 1_248_000, 9),
      expect.closeTo(-109_106.72 / 2_288_000, 9),
      expect.closeTo(206_000 / 6_864_000, 9),
    ]);
    expect(warnings).toEqual([]);
  });

  it('Worked example (convergence, caps binding)', () => {
    const { allocations, warnings } = paceOfChange(units, { envelopePence, floorGrowth: 0.01, capGrowth: 0.08 });
    // Caps hold the first two at 1,080,000 and 2,160,000; the 90,000 left goes to the third: 7,160,000.
    expect(allocations.map((a) => a.capPence)).toEqual([108_000_000, 216_000_000, 756_000_000]);
    expect(allocations.map((a) => a.allocationPence)).toEqual([108_000_000, 216_000_000, 716_000_000]);
    // After: −168,000 ÷ 1,248,000 = −13.46%; −128,000 ÷ 2,288,000 = −5.59%; 296,000 ÷ 6,864,000 = +4.31%.
    expect(allocations.map((a) => a.distanceFromTargetAfter)).toEqual([
      expect.closeTo(-0.134615, 6),
      expect.closeTo(-0.055944, 6),
      expect.closeTo(0.043124, 6),
    ]);
    expect(warnings).toEqual([]);
  });

  it('lets caps give way, with warning FPW101, when every unit is at its cap', () => {
    // £1m and £9m, envelope £12m, caps 5%: 1,050,000 and 9,450,000 leave 1,500,000 that no one can take within
    // caps and no unit is above target, so both fill to target by remaining distance (1,350,000 and 150,000).
    const { allocations, warnings } = paceOfChange(
      [
        { unit: 'AAA', previousAllocationPence: 100_000_000, targetShare: 0.2 },
        { unit: 'BBB', previousAllocationPence: 900_000_000, targetShare: 0.8 },
      ],
      { envelopePence: 1_200_000_000, floorGrowth: 0, capGrowth: 0.05 },
    );
    // 0.2 × 12,000,000 = 2,400,000; 0.8 × 12,000,000 = 9,600,000.
    expect(allocations.map((a) => a.allocationPence)).toEqual([240_000_000, 960_000_000]);
    expect(allocations.map((a) => a.capExceeded)).toEqual([true, true]);
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'FPW101', where: { field: 'allocation.convergence.capGrowth' } }),
    ]);
  });

  it('FP_PLAN_ENVELOPE_BELOW_FLOORS names the floor and the envelope needed', () => {
    expect(() => paceOfChange(units, { envelopePence: 1_009_999_999, floorGrowth: 0.01, capGrowth: 0.08 })).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({
          code: 'FP_PLAN_ENVELOPE_BELOW_FLOORS',
          where: { field: 'allocation.convergence.floorGrowth' },
          accepted: 'an envelope of at least £10,100,000.00, or a lower floorGrowth',
        }),
      }),
    );
  });

  it('FP_PLAN_SHARES_NOT_ONE when target shares do not add up to 1', () => {
    const shares = units.map((u) => ({ ...u, targetShare: 0.3 }));
    expect(() => paceOfChange(shares, { envelopePence, floorGrowth: 0, capGrowth: 0.1 })).toThrow(
      problem('FP_PLAN_SHARES_NOT_ONE', { field: 'allocation.target' }),
    );
  });

  it('FP_PLAN_BAD_SHARE names the unit with a zero target share', () => {
    const shares = [{ ...units[0]!, targetShare: 0 }, ...units.slice(1)];
    expect(() => paceOfChange(shares, { envelopePence, floorGrowth: 0, capGrowth: 0.1 })).toThrow(
      problem('FP_PLAN_BAD_SHARE', { field: 'allocation.target.AAA' }),
    );
  });

  it('FP_PLAN_BAD_CONVERGENCE when capGrowth is below floorGrowth', () => {
    expect(() => paceOfChange(units, { envelopePence, floorGrowth: 0.02, capGrowth: 0.01 })).toThrow(
      problem('FP_PLAN_BAD_CONVERGENCE', { field: 'allocation.convergence.capGrowth' }),
    );
  });

  it('FP_PLAN_BAD_MONEY when an allocation is not whole pence', () => {
    const money = [{ ...units[0]!, previousAllocationPence: 1.5 }, ...units.slice(1)];
    expect(() => paceOfChange(money, { envelopePence, floorGrowth: 0, capGrowth: 0.1 })).toThrow(
      problem('FP_PLAN_BAD_MONEY', { field: 'previousAllocation.AAA' }),
    );
  });
});
