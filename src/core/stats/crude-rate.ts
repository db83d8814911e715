// Crude rate x/n × M with Poisson limits: exact below 10 events, Byar's from 10 (methods.md §2).
import {
  type Confidence,
  checkMultiplier,
  checkNonNegative,
  checkPositive,
  confidenceLevels,
  type Estimate,
  missingEstimate,
} from './arguments.ts';
import { countLimits, countMethod } from './poisson-limits.ts';

export interface CrudeRateInput {
  /** Events; null when not known. */
  numerator: number | null;
  /** Population; null when not known. */
  denominator: number | null;
}

export interface CrudeRateOptions {
  /** Two-sided confidence level(s). Default 0.95. */
  confidence?: Confidence;
  /** Rate per this many. Default 100000. */
  multiplier?: number;
}

export function calculateCrudeRate(input: CrudeRateInput, options: CrudeRateOptions = {}): Estimate {
  const confidence = confidenceLevels(options.confidence ?? 0.95);
  const multiplier = options.multiplier ?? 100000;
  checkMultiplier(multiplier);
  checkNonNegative('numerator', input.numerator);
  checkPositive('denominator', input.denominator);
  const statistic = `rate per ${multiplier}`;
  const { numerator: x, denominator: n } = input;
  if (x === null || n === null) {
    return missingEstimate(
      confidence,
      statistic,
      x === null ? null : countMethod(x),
      'numerator or denominator missing',
    );
  }
  return {
    value: (x / n) * multiplier,
    limits: confidence.map((level) => {
      const { lower, upper } = countLimits(x, level);
      return {
        confidence: level,
        lower: lower === null ? null : (lower / n) * multiplier,
        upper: (upper / n) * multiplier,
      };
    }),
    method: countMethod(x),
    confidence,
    statistic,
  };
}
