// Proportion x/n × M with Wilson score limits (methods.md §3).
import {
  badArgument,
  type Confidence,
  checkMultiplier,
  checkNonNegative,
  checkPositive,
  confidenceLevels,
  type Estimate,
  missingEstimate,
  twoSidedZ,
} from './arguments.ts';

export interface ProportionInput {
  numerator: number | null;
  denominator: number | null;
}

export interface ProportionOptions {
  /** Two-sided confidence level(s). Default 0.95. */
  confidence?: Confidence;
  /** 1 for a proportion, 100 for a percentage. Default 1. */
  multiplier?: number;
}

/** Wilson score limits for x of n, as proportions (methods.md §3). */
export function wilsonLimits(x: number, n: number, confidence: number): { lower: number; upper: number } {
  if (confidence === 1) return { lower: 0, upper: 1 };
  const z = twoSidedZ(confidence);
  const spread = z * Math.sqrt(z * z + 4 * x * (1 - x / n));
  const centre = 2 * x + z * z;
  const scale = 2 * (n + z * z);
  return { lower: (centre - spread) / scale, upper: (centre + spread) / scale };
}

export function calculateProportion(input: ProportionInput, options: ProportionOptions = {}): Estimate {
  const confidence = confidenceLevels(options.confidence ?? 0.95);
  const multiplier = options.multiplier ?? 1;
  checkMultiplier(multiplier);
  checkNonNegative('numerator', input.numerator);
  checkPositive('denominator', input.denominator);
  const { numerator: x, denominator: n } = input;
  if (x !== null && n !== null && x > n) {
    badArgument(
      'numerator',
      'The numerator of a proportion cannot exceed its denominator.',
      `${x} of ${n}`,
      '0 ≤ numerator ≤ denominator',
    );
  }
  const statistic = multiplier === 100 ? 'percentage' : `proportion of ${multiplier}`;
  if (x === null || n === null)
    return missingEstimate(confidence, statistic, 'Wilson', 'numerator or denominator missing');
  return {
    value: (x / n) * multiplier,
    limits: confidence.map((level) => {
      const { lower, upper } = wilsonLimits(x, n, level);
      return { confidence: level, lower: lower * multiplier, upper: upper * multiplier };
    }),
    method: 'Wilson',
    confidence,
    statistic,
  };
}
