// Where each unit sits on its funnel (methods.md §8.1–8.3): above or below the 99.8% or 95% limit at its
// own denominator, or within both; and the point to plot it at.
import type { ResultWarning } from '../errors.ts';
import { normalQuantile } from './distributions.ts';
import {
  FUNNEL_CONFIDENCE,
  funnelStatisticLabel,
  OVERDISPERSION_METHOD,
  overdispersionWarning,
  proportionFunnelLimits,
  ratioAs,
} from './funnel-limits.ts';
import {
  estimateOverdispersion,
  funnelScaleTarget,
  funnelScaleValue,
  funnelScaleVariance,
  type Overdispersion,
} from './funnel-overdispersion.ts';
import { FUNNEL_DSR_MINIMUM_EVENTS, type FunnelOptions, type FunnelUnit, prepareFunnel } from './funnel-units.ts';
import { countLimits } from './poisson-limits.ts';

export type FunnelSignificance =
  | 'High (0.001)'
  | 'High (0.025)'
  | 'Low (0.001)'
  | 'Low (0.025)'
  | 'Not significant'
  | 'Not applicable for events less than 10 for dsrs';

export interface FunnelUnitResult {
  significance: FunnelSignificance;
  /** The figure to plot: the proportion × M, the ratio (as ratioType), or the rate (null for a DSR unit
   * with fewer than 10 events, which is not plotted). */
  value: number | null;
  /** Where to plot it: the population, the expected events, or the derived population per year. */
  denominator: number | null;
}

export interface FunnelSignificanceResult {
  statistic: string;
  method: string;
  confidence: number[];
  /** θ·M for proportions and rates; 1 (as ratioType) for ratios. */
  baseline: number;
  /** One per unit, in the order given. */
  units: FunnelUnitResult[];
  overdispersion: Overdispersion | null;
  warnings: ResultWarning[];
}

/** The label from how far below (negative) or above (positive) the unit is: 2 beyond 99.8%, 1 beyond 95%. */
function label(beyond: -2 | -1 | 0 | 1 | 2): FunnelSignificance {
  if (beyond === -2) return 'Low (0.001)';
  if (beyond === -1) return 'Low (0.025)';
  if (beyond === 2) return 'High (0.001)';
  if (beyond === 1) return 'High (0.025)';
  return 'Not significant';
}

/** Strict comparisons, widest limits first. */
function beyondLimits(value: number, limits: readonly { lower: number; upper: number }[]): -2 | -1 | 0 | 1 | 2 {
  const [inner, outer] = limits;
  if (value < outer!.lower) return -2;
  if (value < inner!.lower) return -1;
  if (value > outer!.upper) return 2;
  if (value > inner!.upper) return 1;
  return 0;
}

export function assignFunnelSignificance(
  units: readonly FunnelUnit[],
  options: FunnelOptions,
): FunnelSignificanceResult {
  const prepared = prepareFunnel(units, options);
  const { statistic, theta, multiplier, ratioType, rateType, yearsOfData } = prepared;
  const overdispersion = options.overdispersion ? estimateOverdispersion(units, prepared) : null;
  const tau2 = overdispersion?.tau2 ?? 0;
  const zs = [0.975, 0.999].map((p) => normalQuantile(p));
  const unplotted: number[] = [];

  const results = units.map((unit, i): FunnelUnitResult => {
    const denominator = prepared.denominators[i]!;
    if (statistic === 'rate' && rateType === 'dsr' && unit.numerator < FUNNEL_DSR_MINIMUM_EVENTS) {
      unplotted.push(i + 1);
      return { significance: 'Not applicable for events less than 10 for dsrs', value: null, denominator: null };
    }
    const value =
      statistic === 'proportion'
        ? (unit.numerator / denominator!) * multiplier
        : statistic === 'ratio'
          ? ratioAs(unit.numerator / denominator!, ratioType)
          : (unit.rate ?? 0);
    const plottedAt = statistic === 'rate' ? denominator! / yearsOfData : denominator!;
    let beyond: -2 | -1 | 0 | 1 | 2;
    if (tau2 > 0) {
      // Widened limits: the z-score against the sampling and between-unit variance together.
      const spread = Math.sqrt(funnelScaleVariance(prepared, denominator!) + tau2);
      const z = (funnelScaleValue(prepared, unit, denominator!) - funnelScaleTarget(prepared)) / spread;
      beyond = beyondLimits(
        z,
        zs.map((limit) => ({ lower: -limit, upper: limit })),
      );
    } else if (statistic === 'proportion') {
      const limits = [0.975, 0.999].map((p) => proportionFunnelLimits(theta, denominator!, p));
      beyond = beyondLimits(unit.numerator / denominator!, limits);
    } else {
      // The unit's own Poisson interval for O/E (or O/n'), compared with the reference value: the unit is
      // high when even its lower limit is above the reference.
      const reference = statistic === 'ratio' ? 1 : theta;
      const limits = FUNNEL_CONFIDENCE.map((level) => {
        const { lower, upper } = countLimits(unit.numerator, level);
        return { lower: (lower ?? 0) / denominator!, upper: upper / denominator! };
      });
      beyond = -beyondLimits(reference, limits) as -2 | -1 | 0 | 1 | 2;
    }
    return { significance: label(beyond), value, denominator: plottedAt };
  });

  const warnings: ResultWarning[] = overdispersion === null ? [] : [overdispersionWarning(overdispersion)];
  if (unplotted.length > 0) {
    warnings.push({
      code: 'FPW008',
      message: `${unplotted.length} DSR unit${unplotted.length === 1 ? ' has' : 's have'} fewer than ${FUNNEL_DSR_MINIMUM_EVENTS} events, so ${unplotted.length === 1 ? 'it is' : 'they are'} not labelled or plotted (rows ${unplotted.join(', ')}).`,
    });
  }
  return {
    statistic: funnelStatisticLabel(prepared),
    method: tau2 > 0 ? OVERDISPERSION_METHOD : statistic === 'proportion' ? 'Wilson' : 'Poisson',
    confidence: [...FUNNEL_CONFIDENCE],
    baseline: statistic === 'ratio' ? ratioAs(1, ratioType) : theta * multiplier,
    units: results,
    overdispersion,
    warnings,
  };
}
