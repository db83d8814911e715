// Convergence of allocations towards needs-based targets at a set pace: floors first, then towards target
// within caps, in whole pence adding up to the envelope (docs/methods.md, "Convergence (pace of change)").
import { fail, type ResultWarning } from '../errors.ts';
import { fillInProportion } from '../money/fill-in-proportion.ts';
import { roundToWholePence } from '../money/largest-remainder.ts';

export interface ConvergenceUnit {
  unit: string;
  previousAllocationPence: number;
  /** The unit's share of the needs index (> 0; all units' shares add up to 1). */
  targetShare: number;
}

export interface PaceOfChange {
  /** The year's total allocation across the units, in whole pence. */
  envelopePence: number;
  /** Growth every unit gets at least (0.01 = 1%). */
  floorGrowth: number;
  /** Growth no unit gets more of while the envelope allows (at least floorGrowth). */
  capGrowth: number;
}

export interface ConvergedAllocation {
  unit: string;
  previousAllocationPence: number;
  /** Target share × envelope, in whole pence adding up to the envelope. */
  targetAllocationPence: number;
  floorPence: number;
  capPence: number;
  allocationPence: number;
  /** (previous allocation − target share × previous total) ÷ (target share × previous total); null when the
   * previous total is 0. */
  distanceFromTargetBefore: number | null;
  /** (allocation − target share × envelope) ÷ (target share × envelope); null when the envelope is 0. */
  distanceFromTargetAfter: number | null;
  capExceeded: boolean;
}

export interface Convergence {
  allocations: ConvergedAllocation[];
  warnings: ResultWarning[];
}

/** Amounts within this many pence of a whole penny count as that penny when rounding floors and caps. */
const SNAP = 1e-6;
const SHARE_TOLERANCE = 1e-9;

function checkInputs(units: readonly ConvergenceUnit[], pace: PaceOfChange): void {
  units.forEach((u) => {
    if (!Number.isSafeInteger(u.previousAllocationPence) || u.previousAllocationPence < 0) {
      fail('FP_PLAN_BAD_MONEY', `The previous allocation of ${u.unit} is not whole pence.`, {
        where: { field: `previousAllocation.${u.unit}` },
        received: String(u.previousAllocationPence),
        accepted: 'a whole number of pence, 0 or more',
      });
    }
    if (!Number.isFinite(u.targetShare) || u.targetShare <= 0 || u.targetShare > 1) {
      fail('FP_PLAN_BAD_SHARE', `The target share of ${u.unit} is not a share.`, {
        where: { field: `allocation.target.${u.unit}` },
        received: String(u.targetShare),
        accepted: 'a number above 0 and at most 1',
      });
    }
  });
  const total = units.reduce((sum, u) => sum + u.targetShare, 0);
  if (units.length === 0 || Math.abs(total - 1) > SHARE_TOLERANCE) {
    fail('FP_PLAN_SHARES_NOT_ONE', 'The target shares do not add up to 1.', {
      where: { field: 'allocation.target' },
      received: `shares adding up to ${total}`,
      accepted: 'shares adding up to 1',
    });
  }
  if (!Number.isSafeInteger(pace.envelopePence) || pace.envelopePence < 0) {
    fail('FP_PLAN_BAD_MONEY', 'The allocation envelope is not whole pence.', {
      where: { field: 'allocation.growth' },
      received: String(pace.envelopePence),
      accepted: 'a whole number of pence, 0 or more',
    });
  }
  for (const field of ['floorGrowth', 'capGrowth'] as const) {
    if (!Number.isFinite(pace[field]) || pace[field] <= -1) {
      fail('FP_PLAN_BAD_CONVERGENCE', `${field} is not a growth rate above −100%.`, {
        where: { field: `allocation.convergence.${field}` },
        received: String(pace[field]),
        accepted: 'a fraction above −1 (0.01 = 1%)',
      });
    }
  }
  if (pace.capGrowth < pace.floorGrowth) {
    fail('FP_PLAN_BAD_CONVERGENCE', 'capGrowth is below floorGrowth.', {
      where: { field: 'allocation.convergence.capGrowth' },
      received: `capGrowth ${pace.capGrowth} with floorGrowth ${pace.floorGrowth}`,
      accepted: 'capGrowth at least floorGrowth',
    });
  }
}

const pounds = (pence: number) =>
  `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Shares the envelope among the units: floors, then towards target within caps, then the rest. */
export function paceOfChange(units: readonly ConvergenceUnit[], pace: PaceOfChange): Convergence {
  checkInputs(units, pace);
  const envelope = pace.envelopePence;
  const shareTotal = units.reduce((sum, u) => sum + u.targetShare, 0);
  const shares = units.map((u) => u.targetShare / shareTotal);
  const targets = roundToWholePence(
    shares.map((s) => s * envelope),
    envelope,
  );
  const floors = units.map((u) => Math.ceil(u.previousAllocationPence * (1 + pace.floorGrowth) - SNAP));
  const caps = units.map((u, i) =>
    Math.max(floors[i]!, Math.floor(u.previousAllocationPence * (1 + pace.capGrowth) + SNAP)),
  );
  const floorTotal = floors.reduce((sum, f) => sum + f, 0);
  if (floorTotal > envelope) {
    fail('FP_PLAN_ENVELOPE_BELOW_FLOORS', 'The envelope is too small to give every unit its floor growth.', {
      where: { field: 'allocation.convergence.floorGrowth' },
      received: `an envelope of ${pounds(envelope)} (from allocation.growth) against floors adding up to ${pounds(floorTotal)}`,
      accepted: `an envelope of at least ${pounds(floorTotal)}, or a lower floorGrowth`,
    });
  }
  const current = [...floors];
  const give = (filled: number[]) => {
    filled.forEach((g, i) => {
      current[i]! += g;
    });
  };

  // Towards target within caps, in proportion to remaining distance.
  const belowTarget = floors.map((f, i) => f < targets[i]!);
  const towardsTarget = fillInProportion(
    envelope - floorTotal,
    floors.map((f, i) => Math.max(0, targets[i]! - f)),
    floors.map((f, i) => Math.max(0, Math.min(targets[i]!, caps[i]!) - f)),
  );
  give(towardsTarget.given);

  // What caps held back goes to units already at or above target, by target share, within their caps.
  const aboveTarget = fillInProportion(
    towardsTarget.left,
    shares.map((s, i) => (belowTarget[i] ? 0 : s)),
    current.map((c, i) => Math.max(0, caps[i]! - c)),
  );
  give(aboveTarget.given);

  // Every unit is at its cap: the caps give way for units below target, up to their targets. Less than
  // half a penny left is floating-point dust that the rounding to whole pence absorbs.
  const warnings: ResultWarning[] = [];
  if (aboveTarget.left >= 0.5) {
    const overCaps = fillInProportion(
      aboveTarget.left,
      current.map((c, i) => Math.max(0, targets[i]! - c)),
      current.map((c, i) => Math.max(0, targets[i]! - c)),
    );
    give(overCaps.given);
    warnings.push({
      code: 'FPW101',
      message: `${pounds(aboveTarget.left)} of the envelope could only be allocated by growing units beyond capGrowth.`,
      where: { field: 'allocation.convergence.capGrowth' },
    });
  }

  const allocations = roundToWholePence(current, envelope);
  const previousTotal = units.reduce((sum, u) => sum + u.previousAllocationPence, 0);
  return {
    allocations: units.map((u, i) => {
      const previousTarget = shares[i]! * previousTotal;
      const target = shares[i]! * envelope;
      return {
        unit: u.unit,
        previousAllocationPence: u.previousAllocationPence,
        targetAllocationPence: targets[i]!,
        floorPence: floors[i]!,
        capPence: caps[i]!,
        allocationPence: allocations[i]!,
        distanceFromTargetBefore:
          previousTotal > 0 ? (u.previousAllocationPence - previousTarget) / previousTarget : null,
        distanceFromTargetAfter: envelope > 0 ? (allocations[i]! - target) / target : null,
        capExceeded: allocations[i]! > caps[i]!,
      };
    }),
    warnings,
  };
}
