import { describe, expect, it } from 'vitest';
import type { FootprintError } from '../errors.ts';
import { planRowBudget } from './row-budget.ts';

// Worked example, by hand: two cells, £1,000 at £10 a unit (cheap) and £1,000 at £1,000 a unit (dear).
//  11 rows: solve 1000/max(E,10) + 1000/max(E,1000) = 11. For 10 ≤ E ≤ 1000 that is 1000/E + 1 = 11,
//  so E = £100: the cheap cell gets 10 rows of 10 units (£100 each), the dear cell 1 row of 1 unit.
//  200 rows: one unit per row gives only 1000/10 + 1000/1000 = 101 rows, so every row is one unit and
//  unit costs shrink by 101/200 = 0.505; shares 100/101 and 1/101.
describe('row budget', () => {
  const cells = [
    { spend: 1000, unitCost: 10 },
    { spend: 1000, unitCost: 1000 },
  ];

  it('worked example: 11 rows → E = £100, 10 rows of 10 units and 1 row of 1 unit', () => {
    const budget = planRowBudget(cells, 11);
    expect(budget.rowCost).toBeCloseTo(100, 6);
    expect(budget.rowShares[0]).toBeCloseTo(10 / 11, 9);
    expect(budget.rowShares[1]).toBeCloseTo(1 / 11, 9);
    expect(budget.meanActivity[0]).toBeCloseTo(10, 6);
    expect(budget.meanActivity[1]).toBe(1);
    expect(budget.costScale).toBe(1);
  });

  it('worked example: 200 rows → one unit a row, unit costs × 0.505', () => {
    const budget = planRowBudget(cells, 200);
    expect(budget.rowCost).toBe(0);
    expect(budget.costScale).toBeCloseTo(0.505, 12);
    expect(budget.rowShares[0]).toBeCloseTo(100 / 101, 12);
    expect(budget.meanActivity).toEqual([1, 1]);
  });

  it('rejects a row count that is not a whole number above 0, naming rows', () => {
    try {
      planRowBudget(cells, 0);
      expect.unreachable();
    } catch (error) {
      expect((error as FootprintError).code).toBe('FP_GENERATE_BAD_OPTION');
      expect((error as FootprintError).problem.where).toEqual({ parameter: 'rows' });
    }
  });
});
