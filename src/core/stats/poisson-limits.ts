// Two-sided confidence limits for a Poisson count O (methods.md §1): exact chi-square limits below 10
// events, Byar's approximation from 10 up. Shared by crude rates, DSRs, ISRs and ratio funnels.
import { twoSidedZ } from './arguments.ts';
import { chiSquareQuantile } from './distributions.ts';

export type CountMethod = 'Exact' | 'Byars';

/** Below this many events the exact limits are used. */
export const EXACT_BELOW = 10;

export function countMethod(count: number): CountMethod {
  return count < EXACT_BELOW ? 'Exact' : 'Byars';
}

/** Byar's lower limit; null ("not available") when the approximation goes negative. */
export function byarLower(count: number, confidence: number): number | null {
  const z = twoSidedZ(confidence);
  if (count === 0) return null;
  const lower = count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
  return lower < 0 ? null : lower;
}

export function byarUpper(count: number, confidence: number): number {
  const z = twoSidedZ(confidence);
  const next = count + 1;
  return next * (1 - 1 / (9 * next) + z / (3 * Math.sqrt(next))) ** 3;
}

export function exactLower(count: number, confidence: number): number {
  if (count === 0) return 0;
  return chiSquareQuantile((1 - confidence) / 2, 2 * count) / 2;
}

export function exactUpper(count: number, confidence: number): number {
  return chiSquareQuantile(confidence + (1 - confidence) / 2, 2 * count + 2) / 2;
}

/** The limits for a count, by the method its size calls for. */
export function countLimits(count: number, confidence: number): { lower: number | null; upper: number } {
  return count < EXACT_BELOW
    ? { lower: exactLower(count, confidence), upper: exactUpper(count, confidence) }
    : { lower: byarLower(count, confidence), upper: byarUpper(count, confidence) };
}
