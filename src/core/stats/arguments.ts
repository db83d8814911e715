// The one argument vocabulary of the statistics library (numerator, denominator, standardPopulation,
// confidence, multiplier), its checks, and the shape every interval result takes. Each argument is
// checked before any arithmetic, with an error naming the argument and the rule it breaks.
import { fail } from '../errors.ts';
import { normalQuantile } from './distributions.ts';

/** One two-sided confidence level, or several (for example [0.95, 0.998]). Levels of 90 or more are read
 * as percentages. */
export type Confidence = number | readonly number[];

/** The limits at one confidence level. `null` where the method defines no limit. */
export interface Limits {
  confidence: number;
  lower: number | null;
  upper: number | null;
}

/** A figure with its confidence limits, and how it was produced. */
export interface Estimate {
  value: number | null;
  /** One entry per requested confidence level, in the order requested. */
  limits: Limits[];
  /** The method that produced the limits, in the reference's words ('Byars', 'Exact', 'Wilson', …). */
  method: string | null;
  /** The confidence levels, as proportions. */
  confidence: number[];
  /** What the value is, for example 'rate per 100000'. */
  statistic: string;
  /** Why the value is null, when it is. */
  reason?: string;
}

export function badArgument(field: string, message: string, received: unknown, accepted: string): never {
  fail('FP_STATS_BAD_ARGUMENT', message, { where: { field }, received: String(received), accepted });
}

/** Reads the confidence argument into proportions: 0.9–1, or 90–100 meaning percentages (methods.md §0). */
export function confidenceLevels(confidence: Confidence): number[] {
  const levels = typeof confidence === 'number' ? [confidence] : [...confidence];
  if (levels.length === 0) badArgument('confidence', 'At least one confidence level is needed.', '[]', '0.9 to 1');
  const proportions = levels.map((level) => {
    if (typeof level !== 'number' || !Number.isFinite(level)) {
      badArgument('confidence', 'A confidence level must be a number.', level, '0.9 to 1, or 90 to 100');
    }
    if (level >= 0.9 && level <= 1) return level;
    if (level >= 90 && level <= 100) return level / 100;
    return badArgument(
      'confidence',
      'A confidence level must be between 0.9 and 1 (or 90 and 100 as a percentage).',
      level,
      '0.9 to 1, or 90 to 100',
    );
  });
  if (new Set(proportions).size !== proportions.length) {
    badArgument('confidence', 'Each confidence level may be given once.', levels.join(','), 'distinct levels');
  }
  return proportions;
}

/** z for a two-sided level c: Φ⁻¹(c + (1 − c)/2). */
export function twoSidedZ(confidence: number): number {
  return normalQuantile(confidence + (1 - confidence) / 2);
}

/** Output column names for the limits: `lowercl`/`uppercl` for one level, otherwise `lower95_0cl`,
 * `upper95_0cl`, `lower99_8cl`, … (methods.md §0). */
export function limitColumnNames(confidence: readonly number[]): { lower: string; upper: string }[] {
  if (confidence.length === 1) return [{ lower: 'lowercl', upper: 'uppercl' }];
  return confidence.map((level) => {
    const label = (Math.round(level * 1000) / 10).toFixed(1).replace('.', '_');
    return { lower: `lower${label}cl`, upper: `upper${label}cl` };
  });
}

/** The confidence levels as the reference prints them: '95%, 99.8%'. */
export function confidenceLabel(confidence: readonly number[]): string {
  return confidence.map((level) => `${Math.round(level * 1000) / 10}%`).join(', ');
}

/** An estimate as a flat record with the methods.md column names. */
export function estimateColumns(estimate: Estimate): Record<string, number | string | null> {
  const record: Record<string, number | string | null> = { value: estimate.value };
  const names = limitColumnNames(estimate.confidence);
  estimate.limits.forEach((limit, i) => {
    const name = names[i]!;
    record[name.lower] = limit.lower;
    record[name.upper] = limit.upper;
  });
  record.confidence = confidenceLabel(estimate.confidence);
  record.statistic = estimate.statistic;
  record.method = estimate.method;
  return record;
}

export function checkMultiplier(multiplier: number): void {
  if (typeof multiplier !== 'number' || !Number.isFinite(multiplier) || multiplier <= 0) {
    badArgument('multiplier', 'The multiplier must be a positive number.', multiplier, 'a number > 0, e.g. 100000');
  }
}

/** A count or population: null (missing) or a finite number ≥ 0. */
export function checkNonNegative(field: string, value: number | null): void {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    badArgument(field, `The ${field} must be a number of 0 or more.`, value, 'a number ≥ 0');
  }
}

export function checkPositive(field: string, value: number | null): void {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    badArgument(field, `The ${field} must be greater than 0.`, value, 'a number > 0');
  }
}

/** An estimate whose inputs are missing: every figure null, with the reason. */
export function missingEstimate(
  confidence: number[],
  statistic: string,
  method: string | null,
  reason: string,
): Estimate {
  return {
    value: null,
    limits: confidence.map((level) => ({ confidence: level, lower: null, upper: null })),
    method,
    confidence,
    statistic,
    reason,
  };
}
