// The overdispersion allowance for funnel plots (an option; methods.md restates only the exact limits).
// When units differ more than chance allows, exact limits flag most of them. Spiegelhalter's
// random-effects method (Stat Med 2005; Qual Saf Health Care 2005), as used for the SHMI, widens the
// limits: each unit's z-score on a variance-stabilising scale, the 10% most extreme at each end pulled
// in to the 10th and 90th percentiles, φ = mean(z²), and a between-unit variance
// τ² = (I·φ − (I − 1)) / (Σw − Σw²/Σw), w = 1/s², floored at 0. Limits are then target ± z·√(s² + τ²).
// Scales: proportions p = x/n with s² = θ(1 − θ)/n; ratios and rates √(O/E) with target 1 and s² = 1/(4E)
// (E = expected events; for a rate E = θ·n'), which, unlike log(O/E), is defined for O = 0.
import { badArgument } from './arguments.ts';
import { FUNNEL_DSR_MINIMUM_EVENTS, type FunnelUnit, type PreparedFunnel } from './funnel-units.ts';

export interface Overdispersion {
  /** The (winsorised) mean squared z-score: about 1 when units vary only by chance. */
  phi: number;
  /** The between-unit variance on the funnel's scale; 0 when there is no overdispersion. */
  tau2: number;
  /** Units whose z-scores were used. */
  units: number;
  /** The scale of τ²: 'proportion' or 'square root of O/E'. */
  scale: string;
}

/** Share of units pulled in at each end before φ is estimated. */
export const WINSORISE_SHARE = 0.1;

/** Where a unit with denominator d is expected on the funnel's scale, and the sampling variance there. */
export function funnelScaleVariance(prepared: PreparedFunnel, denominator: number): number {
  if (prepared.statistic === 'proportion') return (prepared.theta * (1 - prepared.theta)) / denominator;
  const expected = prepared.statistic === 'rate' ? prepared.theta * denominator : denominator;
  return 1 / (4 * expected);
}

/** A unit's position on the funnel's scale: p for proportions, √(O/E) for ratios and rates. */
export function funnelScaleValue(prepared: PreparedFunnel, unit: FunnelUnit, denominator: number): number {
  if (prepared.statistic === 'proportion') return unit.numerator / denominator;
  const expected = prepared.statistic === 'rate' ? prepared.theta * denominator : denominator;
  return Math.sqrt(unit.numerator / expected);
}

export function funnelScaleTarget(prepared: PreparedFunnel): number {
  return prepared.statistic === 'proportion' ? prepared.theta : 1;
}

/** The type 7 (R default) quantile of sorted values. */
function quantile(sorted: readonly number[], probability: number): number {
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

/** Units that take part: those on the plot (a DSR with fewer than 10 events is not). */
export function funnelUnitCounts(prepared: PreparedFunnel, unit: FunnelUnit, denominator: number | null): boolean {
  if (denominator === null) return false;
  return !(prepared.statistic === 'rate' && prepared.rateType === 'dsr' && unit.numerator < FUNNEL_DSR_MINIMUM_EVENTS);
}

export function estimateOverdispersion(units: readonly FunnelUnit[], prepared: PreparedFunnel): Overdispersion {
  if (prepared.statistic === 'proportion' && !(prepared.theta > 0 && prepared.theta < 1)) {
    badArgument(
      'overdispersion',
      'Overdispersion cannot be estimated when every unit is at 0% or at 100%.',
      prepared.theta,
      'a baseline between 0 and 1',
    );
  }
  const target = funnelScaleTarget(prepared);
  const scored = units.flatMap((unit, i) => {
    const denominator = prepared.denominators[i]!;
    if (!funnelUnitCounts(prepared, unit, denominator)) return [];
    const variance = funnelScaleVariance(prepared, denominator!);
    return [{ z: (funnelScaleValue(prepared, unit, denominator!) - target) / Math.sqrt(variance), variance }];
  });
  if (scored.length < 2) {
    badArgument(
      'overdispersion',
      'Overdispersion needs at least two units to compare.',
      `${scored.length} unit`,
      'two or more units',
    );
  }
  const sorted = scored.map((s) => s.z).sort((a, b) => a - b);
  const low = quantile(sorted, WINSORISE_SHARE);
  const high = quantile(sorted, 1 - WINSORISE_SHARE);
  const count = scored.length;
  const phi = scored.reduce((total, s) => total + Math.min(high, Math.max(low, s.z)) ** 2, 0) / count;
  const weights = scored.map((s) => 1 / s.variance);
  const weightSum = weights.reduce((total, w) => total + w, 0);
  const weightSquares = weights.reduce((total, w) => total + w * w, 0);
  const tau2 = Math.max(0, (count * phi - (count - 1)) / (weightSum - weightSquares / weightSum));
  return {
    phi,
    tau2,
    units: count,
    scale: prepared.statistic === 'proportion' ? 'proportion' : 'square root of O/E',
  };
}
