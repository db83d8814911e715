// Walker's alias method in Vose's numerically stable form: after O(n) set-up, each draw from a
// categorical distribution costs one random number and one comparison, whatever n is.
import { fail } from '../errors.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface AliasTable {
  /** Number of categories. */
  readonly size: number;
  /** Probability of keeping column i rather than taking its alias. */
  readonly keep: Float64Array;
  readonly alias: Int32Array;
}

/** Builds an alias table from non-negative weights (not necessarily summing to one). */
export function buildAliasTable(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) {
      fail('FP_GENERATE_BAD_OPTION', 'A sampling weight is negative or not a number.', {
        where: { parameter: `weights[${i}]` },
        received: String(w),
        accepted: 'finite numbers ≥ 0',
      });
    }
    total += w;
  }
  if (n === 0 || total <= 0) {
    fail('FP_GENERATE_BAD_OPTION', 'Sampling weights must include at least one positive weight.', {
      where: { parameter: 'weights' },
      received: `${n} weights summing to ${total}`,
      accepted: 'at least one weight > 0',
    });
  }
  const keep = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = new Float64Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    scaled[i] = (weights[i]! * n) / total;
    (scaled[i]! < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    keep[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  // Whatever is left has probability one up to rounding error.
  for (const i of large) keep[i] = 1;
  for (const i of small) keep[i] = 1;
  return { size: n, keep, alias };
}

/** Draws one category index. */
export function sampleAlias(table: AliasTable, random: SeededRandom): number {
  const u = random.next() * table.size;
  const column = Math.floor(u);
  return u - column < table.keep[column]! ? column : table.alias[column]!;
}
