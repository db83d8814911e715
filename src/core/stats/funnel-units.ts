// The units compared on a funnel plot (areas, providers, …), checked and reduced to what every funnel
// calculation needs: each unit's denominator on the funnel's x-axis and the baseline average θ
// (methods.md §8.1–8.3). Errors name the unit by its row, counting from 1.
import { fail } from '../errors.ts';
import { checkMultiplier } from './arguments.ts';

export type FunnelStatistic = 'proportion' | 'ratio' | 'rate';
export type FunnelRateType = 'crude' | 'dsr';
/** How a ratio limit is reported: O/E itself, O/E − 1 ('count') or O/E × 100 ('isr'). */
export type FunnelRatioType = 'ratio' | 'count' | 'isr';

export const FUNNEL_STATISTICS: readonly FunnelStatistic[] = ['proportion', 'ratio', 'rate'];
export const FUNNEL_RATE_TYPES: readonly FunnelRateType[] = ['crude', 'dsr'];
export const FUNNEL_RATIO_TYPES: readonly FunnelRatioType[] = ['ratio', 'count', 'isr'];

export interface FunnelUnit {
  /** Proportion: x; ratio: observed events O; rate: events O. */
  numerator: number;
  /** Proportion: n; ratio: expected events E; rate: the population, needed only when a crude rate has no
   * events (otherwise it is derived from the events and the rate). */
  denominator?: number | null;
  /** Rate only: the unit's rate per `multiplier` (crude or directly standardised). May be null when the
   * unit has no events. */
  rate?: number | null;
}

export interface FunnelOptions {
  statistic: FunnelStatistic;
  /** Proportion: 1 (default) or 100 for percentages; rate: per this many (default 100000). Not used by
   * ratios. */
  multiplier?: number;
  /** Rate only: 'crude' (default) or 'dsr'. */
  rateType?: FunnelRateType;
  /** Ratio only: default 'ratio'. */
  ratioType?: FunnelRatioType;
  /** Rate only: years the counts cover, so populations are reported per year. Default 1. */
  yearsOfData?: number;
  /** Widen the limits for overdispersion (Spiegelhalter's random-effects allowance). Default false. */
  overdispersion?: boolean;
}

/** Below this many events a DSR unit has no significance label and is not plotted. */
export const FUNNEL_DSR_MINIMUM_EVENTS = 10;

export interface PreparedFunnel {
  statistic: FunnelStatistic;
  rateType: FunnelRateType;
  ratioType: FunnelRatioType;
  multiplier: number;
  yearsOfData: number;
  /** Per unit: n (proportion), E (ratio) or the derived population n' (rate); null where unavailable. */
  denominators: (number | null)[];
  /** Proportion: Σx/Σn; rate: ΣO/Σn' per person; ratio: 1. */
  theta: number;
}

function badUnit(row: number, field: string, message: string, received: unknown, accepted: string): never {
  fail('FP_STATS_BAD_ARGUMENT', message, { where: { row, field }, received: String(received), accepted });
}

function badOption(field: string, message: string, received: unknown, accepted: string): never {
  fail('FP_STATS_BAD_ARGUMENT', message, { where: { field }, received: String(received), accepted });
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function checkUnit(unit: FunnelUnit, row: number, statistic: FunnelStatistic, rateType: FunnelRateType): void {
  const { numerator, denominator, rate } = unit;
  if (!isNumber(numerator) || numerator < 0) {
    badUnit(row, 'numerator', 'The numerator must be a number of 0 or more.', numerator, 'a number ≥ 0');
  }
  const hasDenominator = denominator !== undefined && denominator !== null;
  if (hasDenominator && (!isNumber(denominator) || denominator <= 0)) {
    badUnit(row, 'denominator', 'The denominator must be greater than 0.', denominator, 'a number > 0');
  }
  if (statistic !== 'rate') {
    if (!hasDenominator) {
      badUnit(
        row,
        'denominator',
        statistic === 'ratio' ? 'Each unit needs its expected events.' : 'Each unit needs a denominator.',
        denominator,
        'a number > 0',
      );
    }
    if (statistic === 'proportion' && numerator > denominator!) {
      badUnit(
        row,
        'numerator',
        'The numerator of a proportion cannot exceed its denominator.',
        `${numerator} of ${denominator}`,
        '0 ≤ numerator ≤ denominator',
      );
    }
    return;
  }
  if (numerator > 0) {
    if (!isNumber(rate) || rate <= 0) {
      badUnit(row, 'rate', 'A unit with events needs its rate, greater than 0.', rate, 'a number > 0');
    }
  } else if (rateType === 'crude' && !hasDenominator) {
    badUnit(
      row,
      'denominator',
      'A crude rate with no events needs its population, as it cannot be derived from the rate.',
      denominator,
      'a number > 0',
    );
  }
}

/** Checks the options and units and derives the denominators and baseline. */
export function prepareFunnel(units: readonly FunnelUnit[], options: FunnelOptions): PreparedFunnel {
  const { statistic } = options;
  if (!FUNNEL_STATISTICS.includes(statistic)) {
    badOption(
      'statistic',
      'The funnel statistic is not one Footprint offers.',
      statistic,
      FUNNEL_STATISTICS.join(', '),
    );
  }
  const rateType = options.rateType ?? 'crude';
  if (!FUNNEL_RATE_TYPES.includes(rateType)) {
    badOption('rateType', 'The rate type must be crude or dsr.', rateType, FUNNEL_RATE_TYPES.join(', '));
  }
  const ratioType = options.ratioType ?? 'ratio';
  if (!FUNNEL_RATIO_TYPES.includes(ratioType)) {
    badOption('ratioType', 'The ratio type is not one Footprint offers.', ratioType, FUNNEL_RATIO_TYPES.join(', '));
  }
  const multiplier = options.multiplier ?? (statistic === 'rate' ? 100000 : 1);
  checkMultiplier(multiplier);
  const yearsOfData = options.yearsOfData ?? 1;
  if (!isNumber(yearsOfData) || yearsOfData <= 0) {
    badOption('yearsOfData', 'The years of data must be greater than 0.', yearsOfData, 'a number > 0, e.g. 3');
  }
  if (units.length === 0) badOption('numerator', 'A funnel needs at least one unit.', 'no units', 'one or more units');
  units.forEach((unit, i) => {
    checkUnit(unit, i + 1, statistic, rateType);
  });

  const denominators = units.map((unit): number | null => {
    if (statistic !== 'rate') return unit.denominator!;
    if (unit.numerator > 0) return (multiplier * unit.numerator) / unit.rate!;
    // With no events the population cannot be derived from the rate: a crude rate uses the population
    // supplied; a DSR's population is not the one the rate is standardised to, so the unit drops out.
    return rateType === 'crude' ? unit.denominator! : null;
  });
  const events = units.reduce((total, unit) => total + unit.numerator, 0);
  const population = denominators.reduce<number>((total, d) => total + (d ?? 0), 0);
  if (!(population > 0)) {
    badOption('denominator', 'No unit has a population, so there is no baseline.', population, 'a unit with events');
  }
  const theta = statistic === 'ratio' ? 1 : events / population;
  if (statistic === 'rate' && !(theta > 0)) {
    badOption('numerator', 'No unit has any events, so a rate funnel has no baseline.', events, 'some events');
  }
  return { statistic, rateType, ratioType, multiplier, yearsOfData, denominators, theta };
}

/** Available denominators, for the axis. */
export function availableDenominators(prepared: PreparedFunnel): number[] {
  return prepared.denominators.filter((d): d is number => d !== null);
}
