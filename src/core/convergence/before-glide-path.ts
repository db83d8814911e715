// A plan year before the glide path starts (docs/methods.md, "Allocations as seed 001 sets them out"):
// every unit's allocation grows at the allocation growth rate, with no move to target, and its distance from
// target is still reported. Floor and cap equal the allocation: none is applied.
import type { Convergence, ConvergenceUnit } from './pace-of-change.ts';

export function beforeGlidePath(units: readonly ConvergenceUnit[], growth: number): Convergence {
  const allocations = units.map((u) => Math.round(u.previousAllocationPence * (1 + growth)));
  const total = allocations.reduce((sum, a) => sum + a, 0);
  const previousTotal = units.reduce((sum, u) => sum + u.previousAllocationPence, 0);
  return {
    allocations: units.map((u, i) => {
      const allocation = allocations[i]!;
      const target = u.targetShare * total;
      const previousTarget = u.targetShare * previousTotal;
      return {
        unit: u.unit,
        previousAllocationPence: u.previousAllocationPence,
        targetAllocationPence: Math.round(target),
        floorPence: allocation,
        capPence: allocation,
        allocationPence: allocation,
        distanceFromTargetBefore:
          previousTarget > 0 ? (u.previousAllocationPence - previousTarget) / previousTarget : null,
        distanceFromTargetAfter: target > 0 ? (allocation - target) / target : null,
        capExceeded: false,
      };
    }),
    warnings: [],
  };
}
