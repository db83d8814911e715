// Indirect standardisation (methods.md §6): the standardised ratio O/E × R, or the indirectly
// standardised rate O/E × reference crude rate, with Poisson limits on O divided by E.
import {
  badArgument,
  type Confidence,
  checkMultiplier,
  checkNonNegative,
  checkPositive,
  confidenceLevels,
  type Estimate,
} from './arguments.ts';
import { countLimits, countMethod } from './poisson-limits.ts';

export interface IsrBand {
  /** Local events in the band; null means 0. */
  numerator: number | null;
  /** Local population of the band; null means 0, and 0 is allowed. */
  denominator: number | null;
  /** Reference events in the band; null means 0. */
  referenceNumerator: number | null;
  /** Reference population of the band; must be > 0. */
  referenceDenominator: number;
}

export interface IsrOptions {
  /** Two-sided confidence level(s). Default 0.95. */
  confidence?: Confidence;
  /** 'ratio' (standardised ratio, e.g. SMR) or 'rate' (indirectly standardised rate). Default 'ratio'. */
  type?: 'ratio' | 'rate';
  /** Ratio only: the reference value R, 1 or 100. Default 1. */
  referenceValue?: number;
  /** Rate only: rate per this many. Default 100000. */
  multiplier?: number;
  /** Observed total, when it is known apart from the bands (overrides Σ numerator). */
  observed?: number;
}

export interface IsrEstimate extends Estimate {
  observed: number;
  expected: number;
  /** Rate only: the reference crude rate per multiplier. */
  referenceRate: number | null;
}

export function calculateIsr(bands: readonly IsrBand[], options: IsrOptions = {}): IsrEstimate {
  const confidence = confidenceLevels(options.confidence ?? 0.95);
  const type = options.type ?? 'ratio';
  if (type !== 'ratio' && type !== 'rate') badArgument('type', 'The type must be ratio or rate.', type, 'ratio, rate');
  const multiplier = options.multiplier ?? 100000;
  checkMultiplier(multiplier);
  const referenceValue = options.referenceValue ?? 1;
  if (referenceValue !== 1 && referenceValue !== 100) {
    badArgument('referenceValue', 'The reference value of a ratio must be 1 or 100.', referenceValue, '1, 100');
  }
  if (bands.length === 0)
    badArgument('denominator', 'An ISR needs at least one age band.', 'no bands', 'one row per age band');
  bands.forEach((band) => {
    checkNonNegative('numerator', band.numerator);
    checkNonNegative('denominator', band.denominator);
    checkNonNegative('referenceNumerator', band.referenceNumerator);
    checkPositive('referenceDenominator', band.referenceDenominator);
  });
  if (options.observed !== undefined) checkNonNegative('observed', options.observed);

  const expected = bands.reduce(
    (total, band) => total + ((band.denominator ?? 0) * (band.referenceNumerator ?? 0)) / band.referenceDenominator,
    0,
  );
  const observed = options.observed ?? bands.reduce((total, band) => total + (band.numerator ?? 0), 0);
  const referenceEvents = bands.reduce((total, band) => total + (band.referenceNumerator ?? 0), 0);
  const referencePopulation = bands.reduce((total, band) => total + band.referenceDenominator, 0);
  const referenceRate = type === 'rate' ? (referenceEvents / referencePopulation) * multiplier : null;
  const scale = referenceRate ?? referenceValue;
  const statistic =
    type === 'rate'
      ? `indirectly standardised rate per ${multiplier}`
      : `indirectly standardised ratio x ${referenceValue}`;
  const method = countMethod(observed);
  if (!(expected > 0)) {
    return {
      value: null,
      limits: confidence.map((level) => ({ confidence: level, lower: null, upper: null })),
      method,
      confidence,
      statistic,
      reason: 'expected events are 0 (no local population in bands with reference events)',
      observed,
      expected,
      referenceRate,
    };
  }
  return {
    value: (observed / expected) * scale,
    limits: confidence.map((level) => {
      const { lower, upper } = countLimits(observed, level);
      return {
        confidence: level,
        lower: lower === null ? null : (lower / expected) * scale,
        upper: (upper / expected) * scale,
      };
    }),
    method,
    confidence,
    statistic,
    observed,
    expected,
    referenceRate,
  };
}
