// XmR statistical process control in the NHS "Making Data Count" style (methods.md §9): limits from the
// average moving range, the four special-cause rules with their priority, improvement or concern by the
// direction of improvement, and the variation and assurance icons.
import type { ResultWarning } from '../errors.ts';
import { badArgument } from './arguments.ts';

export type ImprovementDirection = 'increase' | 'decrease' | 'neutral';

/** A date as 'YYYY-MM-DD', or a number (a period index). */
export type SpcX = string | number;

export interface SpcPoint {
  x: SpcX;
  y: number;
  /** Separate series are charted separately; absent means one series. */
  facet?: string;
}

export interface SpcOptions {
  /** Which way is better. Default 'increase' (as NHSRplotthedots). */
  improvement?: ImprovementDirection;
  /** Drop moving ranges ≥ 3.267 × the average before recomputing it. Default true (NHSRplotthedots; the
   * Making Data Count Excel tool behaves as false). */
  screenOutliers?: boolean;
  /** Compute the mean and moving ranges from the first k points of each group only (k ≥ 12). Default none. */
  fixAfter?: number | null;
  /** Dates at which a new group (new limits) starts, in every facet. Default none. */
  rebase?: readonly SpcX[];
  /** A target for the assurance icon. Default none. */
  target?: number | null;
}

export type SpecialCauseType =
  | 'Above UCL'
  | 'Below LCL'
  | '7 Point Trend (Increasing)'
  | '7 Point Trend (Decreasing)'
  | '2 in 3 Above CL'
  | '2 in 3 Below CL'
  | '7 Points Above CL'
  | '7 Points Below CL'
  | 'Common Cause';

export type PointType =
  | 'common_cause'
  | 'special_cause_improvement'
  | 'special_cause_concern'
  | 'special_cause_neutral_high'
  | 'special_cause_neutral_low';

export type VariationType =
  | 'common_cause'
  | 'improvement_high'
  | 'improvement_low'
  | 'concern_high'
  | 'concern_low'
  | 'neutral_high'
  | 'neutral_low';

export type AssuranceType = 'consistent_pass' | 'consistent_fail' | 'inconsistent';

export interface SpcPointResult {
  facet: string | null;
  x: SpcX;
  y: number;
  /** 1 for the first group of the facet, 2 after the first rebase, … */
  group: number;
  mean: number;
  lpl: number;
  upl: number;
  lower2Sigma: number;
  upper2Sigma: number;
  specialCauseType: SpecialCauseType;
  specialCauseFlag: boolean;
  pointType: PointType;
}

export interface SpcGroupSummary {
  facet: string | null;
  group: number;
  start: SpcX;
  n: number;
  mean: number;
  lpl: number;
  upl: number;
  averageMovingRange: number;
  commonCause: number;
  improvement: number;
  concern: number;
  /** Fewer than 13 points: the limits are trial limits. */
  trialLimits: boolean;
}

export interface SpcFacetSummary {
  facet: string | null;
  variationType: VariationType;
  /** null without a target or with a neutral direction. */
  assuranceType: AssuranceType | null;
}

export interface SpcResult {
  method: 'XmR';
  options: Required<Omit<SpcOptions, 'fixAfter' | 'target'>> & { fixAfter: number | null; target: number | null };
  points: SpcPointResult[];
  groups: SpcGroupSummary[];
  facets: SpcFacetSummary[];
  warnings: ResultWarning[];
}

/** Scaling of the average moving range to the process limits (3σ). */
export const LIMIT_FACTOR = 2.66;
/** Moving ranges at or above this multiple of the average are screened out. */
export const MOVING_RANGE_SCREEN = 3.267;
export const RUN_LENGTH = 7;
export const TREND_LENGTH = 7;
/** Groups with fewer points have trial limits. */
export const MINIMUM_POINTS_FOR_LIMITS = 13;
export const MINIMUM_FIX_AFTER = 12;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Sign = -1 | 0 | 1;
const sign = (v: number): Sign => (v > 0 ? 1 : v < 0 ? -1 : 0);

/** Shift rule: every point of every run of `length` consecutive points on the same (non-zero) side. */
export function shiftPoints(sides: readonly Sign[], length = RUN_LENGTH): boolean[] {
  const flagged = sides.map(() => false);
  let runStart = 0;
  for (let i = 0; i < sides.length; i++) {
    if (i > 0 && sides[i] !== sides[i - 1]) runStart = i;
    if (sides[i] !== 0 && i - runStart + 1 >= length) {
      for (let j = i - length + 1; j <= i; j++) flagged[j] = true;
    }
  }
  return flagged;
}

/** Trend rule: every point of every window of `length` points each strictly above (or below) the one
 * before; and each trend point's direction (+1 rising, −1 falling, 0 for points not in a trend). */
export function trendPoints(
  values: readonly number[],
  length = TREND_LENGTH,
): { flagged: boolean[]; direction: Sign[] } {
  const flagged = values.map(() => false);
  let rising = 0;
  let falling = 0;
  for (let i = 1; i < values.length; i++) {
    const step = sign(values[i]! - values[i - 1]!);
    rising = step > 0 ? rising + 1 : 0;
    falling = step < 0 ? falling + 1 : 0;
    if (rising >= length - 1 || falling >= length - 1) {
      for (let j = i - length + 1; j <= i; j++) flagged[j] = true;
    }
  }
  const direction = values.map((value, i): Sign => {
    if (!flagged[i]) return 0;
    if (i + 1 < values.length && flagged[i + 1]) return sign(values[i + 1]! - value);
    return i > 0 ? sign(value - values[i - 1]!) : 0;
  });
  return { flagged, direction };
}

/** Two-of-three rule: in any 3 consecutive points all on one side with at least 2 close to a limit, the
 * close points. */
export function twoInThreePoints(close: readonly boolean[], sides: readonly Sign[]): boolean[] {
  const flagged = close.map(() => false);
  for (let i = 0; i + 2 < close.length; i++) {
    const window = [i, i + 1, i + 2];
    const side = sides[i]!;
    const sameSide = side !== 0 && window.every((j) => sides[j] === side);
    const closeCount = window.filter((j) => close[j]).length;
    if (sameSide && closeCount >= 2) for (const j of window) if (close[j]) flagged[j] = true;
  }
  return flagged;
}

function checkOptions(options: SpcOptions): SpcResult['options'] {
  const improvement = options.improvement ?? 'increase';
  if (!['increase', 'decrease', 'neutral'].includes(improvement)) {
    badArgument(
      'improvement',
      'The improvement direction is not one of the accepted values.',
      improvement,
      'increase, decrease, neutral',
    );
  }
  const fixAfter = options.fixAfter ?? null;
  if (fixAfter !== null && (!Number.isInteger(fixAfter) || fixAfter < MINIMUM_FIX_AFTER)) {
    badArgument(
      'fixAfter',
      `Limits can be fixed after ${MINIMUM_FIX_AFTER} or more whole points.`,
      fixAfter,
      `a whole number ≥ ${MINIMUM_FIX_AFTER}`,
    );
  }
  const target = options.target ?? null;
  if (target !== null && (typeof target !== 'number' || !Number.isFinite(target))) {
    badArgument('target', 'The target must be a number.', target, 'a number');
  }
  return {
    improvement,
    screenOutliers: options.screenOutliers ?? true,
    fixAfter,
    rebase: options.rebase ?? [],
    target,
  };
}

function checkX(points: readonly SpcPoint[], rebase: readonly SpcX[]): void {
  const all = [...points.map((p) => p.x), ...rebase];
  const numeric = all.every((x) => typeof x === 'number' && Number.isFinite(x));
  const dates = all.every((x) => typeof x === 'string' && ISO_DATE.test(x) && !Number.isNaN(Date.parse(x)));
  if (!numeric && !dates) {
    const bad = all.find((x) => !(typeof x === 'string' && ISO_DATE.test(x))) ?? all[0];
    badArgument(
      'x',
      'Every x (and rebase date) must be a date YYYY-MM-DD, or every one a number.',
      bad,
      'YYYY-MM-DD dates or numbers, not a mixture',
    );
  }
}

const before = (a: SpcX, b: SpcX): boolean => a < b;

function variationOf(pointType: PointType, direction: ImprovementDirection): VariationType {
  switch (pointType) {
    case 'common_cause':
      return 'common_cause';
    case 'special_cause_improvement':
      return direction === 'increase' ? 'improvement_high' : 'improvement_low';
    case 'special_cause_concern':
      return direction === 'increase' ? 'concern_low' : 'concern_high';
    case 'special_cause_neutral_high':
      return 'neutral_high';
    case 'special_cause_neutral_low':
      return 'neutral_low';
  }
}

function pointTypeOf(label: SpecialCauseType, direction: ImprovementDirection): PointType {
  const v = /Above|Increasing/.test(label) ? 1 : /Below|Decreasing/.test(label) ? -1 : 0;
  if (v === 0) return 'common_cause';
  if (direction === 'neutral') return v > 0 ? 'special_cause_neutral_high' : 'special_cause_neutral_low';
  const d = direction === 'increase' ? 1 : -1;
  return v * d > 0 ? 'special_cause_improvement' : 'special_cause_concern';
}

function labelOf(outside: boolean, trend: Sign, twoInThree: boolean, shift: boolean, side: Sign): SpecialCauseType {
  if (outside) return side > 0 ? 'Above UCL' : 'Below LCL';
  if (trend !== 0) return trend > 0 ? '7 Point Trend (Increasing)' : '7 Point Trend (Decreasing)';
  if (twoInThree) return side > 0 ? '2 in 3 Above CL' : '2 in 3 Below CL';
  if (shift) return side > 0 ? '7 Points Above CL' : '7 Points Below CL';
  return 'Common Cause';
}

/** Limits for one group: mean and average moving range from its first `fixAfter` points (or all). */
function groupLimits(values: readonly number[], screenOutliers: boolean, fixAfter: number | null) {
  const base = fixAfter === null ? values : values.slice(0, fixAfter);
  const mean = base.reduce((total, v) => total + v, 0) / base.length;
  const ranges = base.slice(1).map((v, i) => Math.abs(v - base[i]!));
  let amr = ranges.reduce((total, r) => total + r, 0) / ranges.length;
  if (screenOutliers && amr > 0) {
    const kept = ranges.filter((r) => r < MOVING_RANGE_SCREEN * amr);
    amr = kept.reduce((total, r) => total + r, 0) / kept.length;
  }
  return { mean, amr };
}

export function calculateSpc(points: readonly SpcPoint[], options: SpcOptions = {}): SpcResult {
  const resolved = checkOptions(options);
  points.forEach((point) => {
    if (typeof point.y !== 'number' || !Number.isFinite(point.y)) {
      badArgument('y', 'Every y must be a finite number.', point.y, 'numbers');
    }
  });
  checkX(points, resolved.rebase);
  const direction = resolved.improvement;
  const facetNames = [...new Set(points.map((p) => p.facet ?? null))];
  const rebase = [...resolved.rebase].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const result: SpcResult = { method: 'XmR', options: resolved, points: [], groups: [], facets: [], warnings: [] };

  for (const facet of facetNames) {
    const series = points
      .filter((p) => (p.facet ?? null) === facet)
      .sort((a, b) => (before(a.x, b.x) ? -1 : before(b.x, a.x) ? 1 : 0));
    const facetLabel = facet === null ? 'the series' : `facet ${facet}`;
    if (series.length < 2) {
      badArgument(
        'y',
        `SPC needs at least two points in ${facetLabel}.`,
        `${series.length} point(s)`,
        '2 or more points',
      );
    }
    series.forEach((p, i) => {
      if (i > 0 && p.x === series[i - 1]!.x)
        badArgument('x', `The date ${p.x} appears twice in ${facetLabel}.`, p.x, 'one point per date');
    });
    // A rebase date starts a new group at the point with that date (or the first point after it).
    const groupIndex = series.map((p) => 1 + rebase.filter((r) => !before(p.x, r) && before(series[0]!.x, r)).length);
    const groupIds = [...new Set(groupIndex)];
    let lastGroup: SpcGroupSummary | undefined;
    let lastPoint: SpcPointResult | undefined;
    for (const group of groupIds) {
      const members = series.filter((_, i) => groupIndex[i] === group);
      if (members.length < 2) {
        badArgument(
          'rebase',
          `A rebase leaves a group of one point in ${facetLabel}.`,
          members[0]!.x,
          'rebase dates at least two points apart',
        );
      }
      const values = members.map((p) => p.y);
      const { mean, amr } = groupLimits(values, resolved.screenOutliers, resolved.fixAfter);
      const upl = mean + LIMIT_FACTOR * amr;
      const lpl = mean - LIMIT_FACTOR * amr;
      const inner = (2 / 3) * LIMIT_FACTOR * amr;
      const sides = values.map((y) => sign(y - mean));
      const outside = values.map((y) => y > upl || y < lpl);
      const close = values.map((y, i) => !outside[i] && (y > mean + inner || y < mean - inner));
      const shift = shiftPoints(sides);
      const trend = trendPoints(values);
      const twoInThree = twoInThreePoints(close, sides);
      // With no variation the limits collapse onto the mean; no point is then special cause.
      const degenerate = amr === 0;
      const summary: SpcGroupSummary = {
        facet,
        group,
        start: members[0]!.x,
        n: members.length,
        mean,
        lpl,
        upl,
        averageMovingRange: amr,
        commonCause: 0,
        improvement: 0,
        concern: 0,
        trialLimits: members.length < MINIMUM_POINTS_FOR_LIMITS,
      };
      members.forEach((p, i) => {
        const label = degenerate
          ? 'Common Cause'
          : labelOf(outside[i]!, trend.direction[i]!, twoInThree[i]!, shift[i]!, sides[i]!);
        const pointType = pointTypeOf(label, direction);
        if (pointType === 'common_cause') summary.commonCause++;
        if (pointType === 'special_cause_improvement') summary.improvement++;
        if (pointType === 'special_cause_concern') summary.concern++;
        lastPoint = {
          facet,
          x: p.x,
          y: p.y,
          group,
          mean,
          lpl,
          upl,
          lower2Sigma: mean - inner,
          upper2Sigma: mean + inner,
          specialCauseType: label,
          specialCauseFlag: label !== 'Common Cause',
          pointType,
        };
        result.points.push(lastPoint);
      });
      if (summary.trialLimits) {
        result.warnings.push({
          code: 'FPW002',
          message: `Group ${group} of ${facetLabel} has ${members.length} points (fewer than ${MINIMUM_POINTS_FOR_LIMITS}), so its limits are trial limits.`,
          where: { field: 'x' },
        });
      }
      if (degenerate) {
        result.warnings.push({
          code: 'FPW003',
          message: `Group ${group} of ${facetLabel} has no point-to-point variation, so its limits equal the mean and no point is special cause.`,
          where: { field: 'y' },
        });
      }
      result.groups.push(summary);
      lastGroup = summary;
    }
    result.facets.push({
      facet,
      variationType: variationOf(lastPoint!.pointType, direction),
      assuranceType: assurance(lastGroup!, direction, resolved.target),
    });
    if (resolved.target !== null && direction === 'neutral') {
      result.warnings.push({
        code: 'FPW004',
        message: `A target was given for ${facetLabel} but the improvement direction is neutral, so no assurance is given.`,
        where: { field: 'target' },
      });
    }
  }
  return result;
}

function assurance(
  group: SpcGroupSummary,
  direction: ImprovementDirection,
  target: number | null,
): AssuranceType | null {
  if (target === null || direction === 'neutral') return null;
  const passesBelow = target < group.lpl;
  const failsAbove = target > group.upl;
  if (direction === 'increase')
    return passesBelow ? 'consistent_pass' : failsAbove ? 'consistent_fail' : 'inconsistent';
  return failsAbove ? 'consistent_pass' : passesBelow ? 'consistent_fail' : 'inconsistent';
}
