// Allocation path and envelope (docs/methods.md, "Allocation, gap and control totals").
import { fail } from '../errors.ts';
import { checkGrowthRates } from './plan-years.ts';

/** A unit's allocation in each plan year, grown from the base year: allocation[y] = allocation[y−1] × (1 + growth[y]).
 * Index 0 of the result is plan year 1. */
export function allocationPath(baseAllocation: number, growth: readonly number[]): number[] {
  if (!Number.isFinite(baseAllocation)) {
    fail('FP_PLAN_BAD_MONEY', 'The base-year allocation is not a finite number of pounds.', {
      where: { field: 'allocation' },
      received: String(baseAllocation),
      accepted: 'a finite number of pounds',
    });
  }
  checkGrowthRates(growth, growth.length, 'allocation.growth');
  const path: number[] = [];
  let allocation = baseAllocation;
  for (const rate of growth) {
    allocation *= 1 + rate;
    path.push(allocation);
  }
  return path;
}

/** The year's total allocation for a set of units that converge: their previous allocations grown at the
 * scenario's allocation growth, in whole pence (rounded to the nearest penny). */
export function allocationEnvelopePence(previousAllocationsPence: readonly number[], growth: number): number {
  return Math.round(previousAllocationsPence.reduce((sum, a) => sum + a, 0) * (1 + growth));
}
