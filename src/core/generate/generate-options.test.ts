import { describe, expect, it } from 'vitest';
import type { FootprintError } from '../errors.ts';
import { checkGenerationOptions } from './generate-options.ts';

function problemOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return (error as FootprintError).problem;
  }
  throw new Error('expected a FootprintError');
}

describe('generation options', () => {
  it('accepts rows, seed, a .parquet file and defaults the years', () => {
    expect(checkGenerationOptions({ rows: 10, seed: 1, out: 'a/b.PARQUET' })).toEqual({
      rows: 10,
      seed: 1,
      format: 'parquet',
      years: ['2023/24', '2024/25', '2025/26'],
    });
  });

  it.each([
    [{ rows: 0, seed: 1, out: 'x.csv' }, '--rows'],
    [{ rows: 1.5, seed: 1, out: 'x.csv' }, '--rows'],
    [{ rows: 10, seed: 1.2, out: 'x.csv' }, '--seed'],
    [{ rows: 10, seed: -1, out: 'x.csv' }, '--seed'],
    [{ rows: 10, seed: 1, out: 'x.xlsx' }, '--out'],
    [{ rows: 10, seed: 1, out: 'x.csv', years: ['2024/26'] }, '--years'],
    [{ rows: 10, seed: 1, out: 'x.csv', years: ['2024/25', '2024/25'] }, '--years'],
  ])('rejects %j with FP_GENERATE_BAD_OPTION naming %s', (options, option) => {
    const problem = problemOf(() => checkGenerationOptions(options, '--'));
    expect(problem.code).toBe('FP_GENERATE_BAD_OPTION');
    expect(problem.where).toEqual({ parameter: option });
  });
});
