// Mean with Student t limits (methods.md §4).
import { badArgument, type Confidence, confidenceLevels, type Estimate } from './arguments.ts';
import { studentTQuantile } from './distributions.ts';

export interface MeanOptions {
  /** Two-sided confidence level(s). Default 0.95. */
  confidence?: Confidence;
}

export interface MeanEstimate extends Estimate {
  valueSum: number;
  valueCount: number;
  /** Sample standard deviation (divisor k − 1); null for a single value. */
  stdev: number | null;
}

export function calculateMean(values: readonly number[], options: MeanOptions = {}): MeanEstimate {
  const confidence = confidenceLevels(options.confidence ?? 0.95);
  if (values.length === 0)
    badArgument('values', 'A mean needs at least one value.', 'no values', 'one or more numbers');
  values.forEach((value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      badArgument('values', 'Every value must be a finite number.', value, 'finite numbers');
    }
  });
  const k = values.length;
  const sum = values.reduce((total, value) => total + value, 0);
  const mean = sum / k;
  const stdev = k > 1 ? Math.sqrt(values.reduce((total, v) => total + (v - mean) ** 2, 0) / (k - 1)) : null;
  const base = { value: mean, valueSum: sum, valueCount: k, stdev, method: "Student's t-distribution", confidence };
  if (stdev === null) {
    return {
      ...base,
      limits: confidence.map((level) => ({ confidence: level, lower: null, upper: null })),
      statistic: 'mean',
      reason: 'limits need at least two values',
    };
  }
  return {
    ...base,
    limits: confidence.map((level) => {
      const halfWidth = (studentTQuantile(level + (1 - level) / 2, k - 1) * stdev) / Math.sqrt(k);
      return { confidence: level, lower: mean - halfWidth, upper: mean + halfWidth };
    }),
    statistic: 'mean',
  };
}
