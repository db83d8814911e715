// How many rows each cell (year × service × point of delivery) gets, and how much each row carries, so
// that any number of rows reproduces the national spend. A row is an aggregate of whole units of activity
// (spells, attendances, bed days, doses). With few rows, each row carries many units; with many rows,
// cheap cells (follow-ups) carry several units per row while expensive cells (a transplant) carry one
// unit per row and get fewer rows. E, the cost a row carries at least, solves
//     Σ_i spend_i / max(E, unitCost_i) = rows
// (the left side falls as E grows, so bisection finds it). A row of cell i then carries on average
// max(E, unitCost_i) pounds, i.e. max(1, E / unitCost_i) units.
import { fail } from '../errors.ts';

export interface BudgetCell {
  spend: number;
  unitCost: number;
}

export interface RowBudget {
  /** E in pounds; 0 when even one unit per row gives fewer rows than asked for. */
  rowCost: number;
  /** Expected rows of each cell as a share of all rows (sums to 1). */
  rowShares: number[];
  /** Mean units of activity per row of each cell (≥ 1). */
  meanActivity: number[];
  /** Multiplier on unit costs: 1, except beyond national scale (more rows than units of activity), where
   * each row is one unit and unit costs shrink so totals still hold. */
  costScale: number;
}

export function planRowBudget(cells: readonly BudgetCell[], rows: number): RowBudget {
  if (!(Number.isInteger(rows) && rows > 0)) {
    fail('FP_GENERATE_BAD_OPTION', 'The number of rows must be a whole number above 0.', {
      where: { parameter: 'rows' },
      received: String(rows),
      accepted: 'an integer ≥ 1',
    });
  }
  const rowsAt = (e: number) => cells.reduce((sum, c) => sum + c.spend / Math.max(e, c.unitCost), 0);
  const unitRows = rowsAt(0);
  if (rows >= unitRows) {
    return {
      rowCost: 0,
      rowShares: cells.map((c) => c.spend / c.unitCost / unitRows),
      meanActivity: cells.map(() => 1),
      costScale: unitRows / rows,
    };
  }
  let low = 0;
  let high = cells.reduce((sum, c) => sum + c.spend, 0) / rows + Math.max(...cells.map((c) => c.unitCost));
  for (let i = 0; i < 200 && high - low > 1e-9 * high; i++) {
    const mid = (low + high) / 2;
    if (rowsAt(mid) > rows) low = mid;
    else high = mid;
  }
  const e = (low + high) / 2;
  const counts = cells.map((c) => c.spend / Math.max(e, c.unitCost));
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    rowCost: e,
    rowShares: counts.map((n) => n / total),
    meanActivity: cells.map((c) => Math.max(e, c.unitCost) / c.unitCost),
    costScale: 1,
  };
}
