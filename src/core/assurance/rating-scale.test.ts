import { describe, expect, it } from 'vitest';
import { FootprintError } from '../errors.ts';
import { parseMoney } from './money-text.ts';
import { parseRating, ratingScore } from './rating-scale.ts';

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof FootprintError) return error.problem;
  }
  throw new Error('expected a FootprintError');
};

describe('rating scale', () => {
  it('reads ratings written as people write them, and scores red 1 … green 4', () => {
    expect(parseRating('Amber/Red')).toBe('amber-red');
    expect(parseRating(' amber green ')).toBe('amber-green');
    expect(parseRating('NOT ASSESSED')).toBe('not-assessed');
    expect(['red', 'amber-red', 'amber-green', 'green'].map((r) => ratingScore(parseRating(r)))).toEqual([1, 2, 3, 4]);
    expect(ratingScore('not-assessed')).toBeNull();
  });

  it('refuses a rating off the scale, naming the parameter and the scale', () => {
    expect(problemOf(() => parseRating('purple', 'body.rating'))).toMatchObject({
      code: 'FP_ASSURANCE_BAD_RATING',
      where: { parameter: 'body.rating' },
      received: 'purple',
      accepted: 'red, amber-red, amber-green, green, not-assessed',
    });
  });
});

describe('parseMoney', () => {
  it('reads pounds and pence from numbers and text with £ and commas', () => {
    expect(parseMoney(1250000.5, 'v')).toBe(1250000.5);
    expect(parseMoney('£1,250,000.50', 'v')).toBe(1250000.5);
    expect(parseMoney('-10.25', 'v', true)).toBe(-10.25);
  });

  it('refuses what is not money: fractions of a penny, words, exponents, negatives, binary noise', () => {
    for (const bad of ['12.345', 'ten', '1e6', '', -1, 0.1 + 0.2, Number.POSITIVE_INFINITY, null]) {
      expect(problemOf(() => parseMoney(bad, 'body.services.0.value'))).toMatchObject({
        code: 'FP_CONTRACT_BAD_MONEY',
        where: { parameter: 'body.services.0.value' },
      });
    }
  });
});
