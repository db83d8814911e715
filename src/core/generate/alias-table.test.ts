import { describe, expect, it } from 'vitest';
import { FootprintError } from '../errors.ts';
import { buildAliasTable, sampleAlias } from './alias-table.ts';
import { SeededRandom } from './seeded-random.ts';

describe('alias table (Vose)', () => {
  it('samples categories with the frequencies of their weights', () => {
    // Weights 1:2:3:4 → probabilities 0.1, 0.2, 0.3, 0.4. With 200,000 draws the standard error of each
    // frequency is at most sqrt(0.4 × 0.6 / 200000) ≈ 0.0011, so 0.005 is over four standard errors.
    const table = buildAliasTable([1, 2, 3, 4]);
    const random = new SeededRandom(123);
    const counts = [0, 0, 0, 0];
    const n = 200_000;
    for (let i = 0; i < n; i++) counts[sampleAlias(table, random)]!++;
    [0.1, 0.2, 0.3, 0.4].forEach((p, i) => {
      expect(Math.abs(counts[i]! / n - p)).toBeLessThan(0.005);
    });
  });

  it('never draws a zero-weight category', () => {
    const table = buildAliasTable([0, 5, 0, 1]);
    const random = new SeededRandom(9);
    for (let i = 0; i < 10_000; i++) expect([1, 3]).toContain(sampleAlias(table, random));
  });

  it('rejects negative weights with FP_GENERATE_BAD_OPTION naming the weight', () => {
    try {
      buildAliasTable([1, -2]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FootprintError);
      expect((error as FootprintError).code).toBe('FP_GENERATE_BAD_OPTION');
      expect((error as FootprintError).problem.where).toEqual({ parameter: 'weights[1]' });
    }
  });

  it('rejects all-zero weights', () => {
    expect(() => buildAliasTable([0, 0])).toThrow(FootprintError);
  });
});
