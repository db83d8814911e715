// Directly standardised rate by the Dobson method with Byar's limits (methods.md §5), with the variance
// adjusted for non-independent events when persons are given by event frequency.
import type { ResultWarning } from '../errors.ts';
import { AGE_BANDS, ESP_2013 } from '../population/age-bands.ts';
import {
  badArgument,
  type Confidence,
  checkMultiplier,
  checkNonNegative,
  checkPositive,
  confidenceLevels,
  type Estimate,
} from './arguments.ts';
import { byarLower, byarUpper } from './poisson-limits.ts';

/** Persons in an age band who had exactly `frequency` events. */
export interface EventFrequency {
  frequency: number;
  /** null means none. */
  persons: number | null;
}

export interface DsrBand {
  /** Age band label, e.g. '0-4' or '00-04'; used to look up the standard population weight. */
  band: string;
  /** Events in the band; null means 0. Ignored when `persons` is given. */
  numerator?: number | null;
  /** Population of the band; must be > 0. */
  denominator: number;
  /** The band's standard population weight; when absent it comes from `options.standardPopulation`. */
  standardPopulation?: number;
  /** Non-independent events: persons by number of events. When any band has these, the variance is the
   * one for non-independent events. */
  persons?: readonly EventFrequency[];
}

export interface DsrOptions {
  /** Two-sided confidence level(s). Default 0.95. */
  confidence?: Confidence;
  /** Rate per this many. Default 100000. */
  multiplier?: number;
  /** Weights by band label, used for bands that carry no weight of their own. Default: the European
   * Standard Population 2013 (19 bands, 0-4 … 90+). */
  standardPopulation?: Readonly<Record<string, number>>;
}

export interface DsrEstimate extends Estimate {
  totalCount: number;
  totalPop: number;
  warnings: ResultWarning[];
}

/** Below this many events a DSR is suppressed. */
export const DSR_MINIMUM_EVENTS = 10;

export const ESP_2013_BY_BAND: Readonly<Record<string, number>> = Object.fromEntries(
  AGE_BANDS.map((band, i) => [band, ESP_2013[i]!]),
);

/** '00-04' and '0-4' name the same band. */
export function normaliseBand(band: string): string {
  return band.replace(/\s+/g, '').replace(/\d+/g, (digits) => String(Number(digits)));
}

const INDEPENDENT = 'Dobson';
const NON_INDEPENDENT = 'Dobson, with confidence adjusted for non-independent events';

export function calculateDsr(bands: readonly DsrBand[], options: DsrOptions = {}): DsrEstimate {
  const confidence = confidenceLevels(options.confidence ?? 0.95);
  const multiplier = options.multiplier ?? 100000;
  checkMultiplier(multiplier);
  const standard = options.standardPopulation ?? ESP_2013_BY_BAND;
  const standardByBand = new Map(Object.entries(standard).map(([band, weight]) => [normaliseBand(band), weight]));
  if (bands.length === 0)
    badArgument('denominator', 'A DSR needs at least one age band.', 'no bands', 'one row per age band');
  const seen = new Set<string>();
  const nonIndependent = bands.some((band) => band.persons !== undefined);
  const rows = bands.map((band) => {
    const label = normaliseBand(band.band);
    if (seen.has(label)) {
      badArgument(
        'band',
        'Each age band may appear once, with one population and one weight.',
        band.band,
        'distinct age bands',
      );
    }
    seen.add(label);
    checkPositive('denominator', band.denominator);
    if (typeof band.denominator !== 'number')
      badArgument('denominator', 'Each age band needs a population.', band.denominator, 'a number > 0');
    const weight = band.standardPopulation ?? standardByBand.get(label);
    if (weight === undefined) {
      badArgument(
        'standardPopulation',
        `The age band ${band.band} is not in the standard population.`,
        band.band,
        [...standardByBand.keys()].join(', '),
      );
    }
    checkNonNegative('standardPopulation', weight);
    const persons = band.persons ?? [];
    persons.forEach((entry) => {
      if (!Number.isInteger(entry.frequency) || entry.frequency < 1) {
        badArgument(
          'frequency',
          'An event frequency must be a whole number of 1 or more.',
          entry.frequency,
          '1, 2, 3, …',
        );
      }
      checkNonNegative('persons', entry.persons);
    });
    checkNonNegative('numerator', band.numerator ?? null);
    const events = nonIndependent
      ? persons.reduce((total, entry) => total + entry.frequency * (entry.persons ?? 0), 0)
      : (band.numerator ?? 0);
    // Σ_f f²·p_f replaces x in the variance when one person can have several events.
    const varianceEvents = nonIndependent
      ? persons.reduce((total, entry) => total + entry.frequency ** 2 * (entry.persons ?? 0), 0)
      : events;
    return { events, varianceEvents, population: band.denominator, weight };
  });

  const totalCount = rows.reduce((total, row) => total + row.events, 0);
  const totalPop = rows.reduce((total, row) => total + row.population, 0);
  const totalWeight = rows.reduce((total, row) => total + row.weight, 0);
  if (!(totalWeight > 0))
    badArgument(
      'standardPopulation',
      'The standard population weights sum to 0.',
      totalWeight,
      'weights summing to more than 0',
    );
  const method = nonIndependent ? NON_INDEPENDENT : INDEPENDENT;
  if (totalCount < DSR_MINIMUM_EVENTS) {
    return {
      value: null,
      limits: confidence.map((level) => ({ confidence: level, lower: null, upper: null })),
      method,
      confidence,
      statistic: 'dsr NA for total count < 10',
      reason: 'dsr NA for total count < 10',
      totalCount,
      totalPop,
      warnings: [
        {
          code: 'FPW001',
          message: `The DSR rests on ${totalCount} events (fewer than ${DSR_MINIMUM_EVENTS}), so it is suppressed.`,
        },
      ],
    };
  }
  const rate = rows.reduce((total, row) => total + (row.events * row.weight) / row.population, 0) / totalWeight;
  const variance =
    rows.reduce((total, row) => total + row.varianceEvents * (row.weight / row.population) ** 2, 0) / totalWeight ** 2;
  const value = rate * multiplier;
  const scale = multiplier * Math.sqrt(variance / totalCount);
  return {
    value,
    limits: confidence.map((level) => {
      const lower = byarLower(totalCount, level);
      return {
        confidence: level,
        lower: lower === null ? null : value + scale * (lower - totalCount),
        upper: value + scale * (byarUpper(totalCount, level) - totalCount),
      };
    }),
    method,
    confidence,
    statistic: `dsr per ${multiplier}`,
    totalCount,
    totalPop,
    warnings: [],
  };
}
