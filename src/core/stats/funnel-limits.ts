// Funnel-plot limits (methods.md §7–8): for 100 points along the x-axis, where a unit's 95% and 99.8%
// interval would just touch the baseline. Proportions invert the Wilson interval; ratios and rates invert
// the exact Poisson interval; with the overdispersion option they widen by a between-unit variance.
import type { ResultWarning } from '../errors.ts';
import { chiSquareQuantile, normalQuantile } from './distributions.ts';
import { funnelAxisEnds, funnelAxisPoints } from './funnel-axis.ts';
import { estimateOverdispersion, funnelScaleVariance, type Overdispersion } from './funnel-overdispersion.ts';
import {
  availableDenominators,
  type FunnelOptions,
  type FunnelRatioType,
  type FunnelUnit,
  type PreparedFunnel,
  prepareFunnel,
} from './funnel-units.ts';

/** The two funnels, as two-sided levels, and the one-sided tail each leaves (0.025 is "2s", 0.001 "3s"). */
export const FUNNEL_CONFIDENCE = [0.95, 0.998] as const;
export const FUNNEL_TAILS = [0.025, 0.001] as const;

export interface FunnelLimit {
  /** Two-sided level: 0.95 or 0.998. */
  confidence: number;
  lower: number;
  upper: number;
  /** Ratio: the expected events at which each limit passes through the point; rate: the population per
   * year. Null for proportions. */
  lowerAt: number | null;
  upperAt: number | null;
}

export interface FunnelLimitRow {
  /** Proportion: population; ratio: observed events; rate: events. */
  x: number;
  /** 95% then 99.8%. */
  limits: FunnelLimit[];
}

export interface FunnelLimitTable {
  /** 'proportion', 'ratio (isr)', 'rate (dsr per 100,000)', … as the reference labels it. */
  statistic: string;
  /** 'Wilson' or 'Poisson', or the overdispersion method when the limits are widened. */
  method: string;
  confidence: number[];
  /** The average the funnel is drawn around: θ·M for proportions and rates, 1 (as ratioType) for ratios. */
  baseline: number;
  /** The ends of the axis in denominator units (population, expected events, population over all years). */
  axisMinimum: number;
  axisMaximum: number;
  rows: FunnelLimitRow[];
  /** Null unless the option was asked for; τ² = 0 leaves the exact limits. */
  overdispersion: Overdispersion | null;
  warnings: ResultWarning[];
}

export const OVERDISPERSION_METHOD = 'Normal, with random-effects overdispersion (Spiegelhalter)';

/** A ratio as reported: O/E, O/E − 1 or O/E × 100. */
export function ratioAs(ratio: number, type: FunnelRatioType): number {
  if (type === 'count') return ratio - 1;
  if (type === 'isr') return ratio * 100;
  return ratio;
}

/** The proportions at population n whose Wilson interval at one-sided level p just touches θ: the roots of
 * (1+k)q² − (2A+k)q + (A² − k²/4) = 0, k = z²/n, A = θ(1+k) − k/2. */
export function proportionFunnelLimits(theta: number, population: number, p: number): { lower: number; upper: number } {
  const z = normalQuantile(p);
  const k = (z * z) / population;
  const a = theta * (1 + k) - k / 2;
  // The discriminant, expanded so that nothing cancels when n is large: k(4A(1 − A) + 2k + k²).
  const root = Math.sqrt(Math.max(0, k * (4 * a * (1 - a) + 2 * k + k * k)));
  const upper = (2 * a + k + root) / (2 * (1 + k));
  // The smaller root from the product of the roots, which keeps its digits when both are near θ.
  const lower = upper > 0 ? ((a - k / 2) * (a + k / 2)) / ((1 + k) * upper) : 0;
  return { lower, upper };
}

/** The expected count E at which P(X ≤ O) = p: E_lo = ½χ²_{2O+2}(1 − p). */
export function expectedBelow(observed: number, p: number): number {
  return chiSquareQuantile(1 - p, 2 * observed + 2) / 2;
}

/** The expected count E at which P(X ≥ O) = p: E_hi = ½χ²_{2O}(p) (0 when O = 0). */
export function expectedAbove(observed: number, p: number): number {
  return chiSquareQuantile(p, 2 * observed) / 2;
}

/** The statistic as the reference labels it: 'proportion', 'ratio (isr)', 'rate (dsr per 100,000)'. */
export function funnelStatisticLabel(prepared: PreparedFunnel): string {
  if (prepared.statistic === 'ratio') return `ratio (${prepared.ratioType})`;
  if (prepared.statistic === 'proportion') return 'proportion';
  return `rate (${prepared.rateType} per ${prepared.multiplier.toLocaleString('en-GB', { maximumFractionDigits: 20 })})`;
}

function exactRow(prepared: PreparedFunnel, x: number): FunnelLimitRow {
  const { statistic, theta, multiplier, yearsOfData, ratioType } = prepared;
  const limits = FUNNEL_TAILS.map((tail, i): FunnelLimit => {
    const confidence = FUNNEL_CONFIDENCE[i]!;
    if (statistic === 'proportion') {
      const { lower, upper } = proportionFunnelLimits(theta, x, 1 - tail);
      return {
        confidence,
        lower: Math.max(0, lower * multiplier),
        upper: Math.min(multiplier, upper * multiplier),
        lowerAt: null,
        upperAt: null,
      };
    }
    const below = expectedBelow(x, tail);
    const above = expectedAbove(x, tail);
    if (statistic === 'ratio') {
      return {
        confidence,
        lower: ratioAs(x / below, ratioType),
        upper: ratioAs(x / above, ratioType),
        lowerAt: below,
        upperAt: above,
      };
    }
    const lowerPopulation = below / theta;
    const upperPopulation = above / theta;
    return {
      confidence,
      lower: (x / lowerPopulation) * multiplier,
      upper: (x / upperPopulation) * multiplier,
      lowerAt: lowerPopulation / yearsOfData,
      upperAt: upperPopulation / yearsOfData,
    };
  });
  return { x, limits };
}

/** Limits widened by τ²: target ± z·√(s² + τ²) on the funnel's scale. For ratios the axis point is taken
 * as the expected events, and for rates as the expected events at population O/θ, so both limits of a row
 * pass through the same point. */
function overdispersedRow(prepared: PreparedFunnel, x: number, tau2: number): FunnelLimitRow {
  const { statistic, theta, multiplier, yearsOfData, ratioType } = prepared;
  const denominator = statistic === 'rate' ? x / theta : x;
  const spread = Math.sqrt(funnelScaleVariance(prepared, denominator) + tau2);
  const limits = FUNNEL_TAILS.map((tail, i): FunnelLimit => {
    const confidence = FUNNEL_CONFIDENCE[i]!;
    const z = normalQuantile(1 - tail);
    if (statistic === 'proportion') {
      return {
        confidence,
        lower: Math.max(0, (theta - z * spread) * multiplier),
        upper: Math.min(multiplier, (theta + z * spread) * multiplier),
        lowerAt: null,
        upperAt: null,
      };
    }
    const lowerRatio = Math.max(0, 1 - z * spread) ** 2;
    const upperRatio = (1 + z * spread) ** 2;
    if (statistic === 'ratio') {
      return {
        confidence,
        lower: ratioAs(lowerRatio, ratioType),
        upper: ratioAs(upperRatio, ratioType),
        lowerAt: x,
        upperAt: x,
      };
    }
    return {
      confidence,
      lower: theta * multiplier * lowerRatio,
      upper: theta * multiplier * upperRatio,
      lowerAt: denominator / yearsOfData,
      upperAt: denominator / yearsOfData,
    };
  });
  return { x, limits };
}

/** The axis points (methods.md §8.4): populations, expected events, or event counts for rates. */
export function funnelAxis(prepared: PreparedFunnel): { minimum: number; maximum: number; points: number[] } {
  const denominators = availableDenominators(prepared);
  const smallest = Math.min(...denominators);
  const largest = Math.max(...denominators);
  if (prepared.statistic !== 'rate') {
    const ends = funnelAxisEnds(smallest, largest);
    return { ...ends, points: funnelAxisPoints(ends.minimum, ends.maximum, prepared.statistic === 'ratio' ? 1 : 0) };
  }
  // Rates: neat ends for one year's population, then as event counts at the baseline rate.
  const years = prepared.yearsOfData;
  const perYear = funnelAxisEnds(smallest / years, largest / years);
  const ends = { minimum: perYear.minimum * years, maximum: perYear.maximum * years };
  const events = {
    minimum: Math.floor(ends.minimum * prepared.theta),
    maximum: Math.ceil(ends.maximum * prepared.theta),
  };
  return { ...ends, points: funnelAxisPoints(events.minimum, events.maximum, 0) };
}

export function calculateFunnelLimits(units: readonly FunnelUnit[], options: FunnelOptions): FunnelLimitTable {
  const prepared = prepareFunnel(units, options);
  const overdispersion = options.overdispersion ? estimateOverdispersion(units, prepared) : null;
  const axis = funnelAxis(prepared);
  const widened = overdispersion !== null && overdispersion.tau2 > 0;
  const rows = axis.points.map((x) =>
    widened ? overdispersedRow(prepared, x, overdispersion.tau2) : exactRow(prepared, x),
  );
  return {
    statistic: funnelStatisticLabel(prepared),
    method: widened ? OVERDISPERSION_METHOD : prepared.statistic === 'proportion' ? 'Wilson' : 'Poisson',
    confidence: [...FUNNEL_CONFIDENCE],
    baseline: prepared.statistic === 'ratio' ? ratioAs(1, prepared.ratioType) : prepared.theta * prepared.multiplier,
    axisMinimum: axis.minimum,
    axisMaximum: axis.maximum,
    rows,
    overdispersion,
    warnings: overdispersion === null ? [] : [overdispersionWarning(overdispersion)],
  };
}

export function overdispersionWarning(overdispersion: Overdispersion): ResultWarning {
  const { phi, tau2, units } = overdispersion;
  return tau2 > 0
    ? {
        code: 'FPW006',
        message: `The ${units} units vary more than chance allows (φ = ${phi.toPrecision(4)}), so the limits are widened by a between-unit variance τ² = ${tau2.toPrecision(4)} (${overdispersion.scale} scale).`,
      }
    : {
        code: 'FPW007',
        message: `The ${units} units vary no more than chance allows (φ = ${phi.toPrecision(4)}), so the exact limits stand.`,
      };
}

/** One flat record per row with the reference's column names: Population | Observed_events | Events, then
 * lower_2s_limit, upper_2s_limit, lower_3s_limit, upper_3s_limit (with lower_2s_exp_events … for ratios and
 * lower_2s_population_1_year … for rates), baseline, statistic and method. */
export function funnelLimitColumns(table: FunnelLimitTable): Record<string, number | string>[] {
  const kind = table.statistic.split(' ')[0];
  const xName = kind === 'proportion' ? 'Population' : kind === 'ratio' ? 'Observed_events' : 'Events';
  const atName = kind === 'ratio' ? 'exp_events' : 'population_1_year';
  return table.rows.map((row) => {
    const record: Record<string, number | string> = { [xName]: row.x };
    row.limits.forEach((limit, i) => {
      const level = i === 0 ? '2s' : '3s';
      for (const side of ['lower', 'upper'] as const) {
        const at = side === 'lower' ? limit.lowerAt : limit.upperAt;
        if (at !== null) record[`${side}_${level}_${atName}`] = at;
        record[`${side}_${level}_limit`] = limit[side];
      }
    });
    record.baseline = table.baseline;
    record.statistic = table.statistic;
    record.method = table.method;
    return record;
  });
}
