import { describe, expect, it } from 'vitest';
import { FootprintError } from '../errors.ts';
import { localAuthorityPlaces, pcnNeighbourhoods } from './default-groupings.ts';
import { checkPlaceGrouping } from './place-grouping.ts';
import { sizeFlag } from './size-flags.ts';

// Toy geography: ICB Q1 with five practices in two districts (L1, L2) and two PCNs (N1, N2), one practice
// (P5) with no PCN; ICB Q2 with one practice in L2 (a district split between ICBs).
const PRACTICES = [
  { practiceCode: 'P1', icbCode: 'Q1', ladCode: 'L1', ladName: 'Lambeth', pcnCode: 'N1', pcnName: 'North' },
  { practiceCode: 'P2', icbCode: 'Q1', ladCode: 'L1', ladName: 'Lambeth', pcnCode: 'N2', pcnName: 'South' },
  { practiceCode: 'P3', icbCode: 'Q1', ladCode: 'L2', ladName: 'Croydon', pcnCode: 'N2', pcnName: 'South' },
  { practiceCode: 'P4', icbCode: 'Q1', ladCode: 'L2', ladName: 'Croydon', pcnCode: 'N1', pcnName: 'North' },
  { practiceCode: 'P5', icbCode: 'Q1', ladCode: 'L2', ladName: 'Croydon', pcnCode: null, pcnName: null },
  { practiceCode: 'P6', icbCode: 'Q2', ladCode: 'L2', ladName: 'Croydon', pcnCode: 'N3', pcnName: 'East' },
];

function failure(work: () => unknown): FootprintError {
  try {
    work();
  } catch (error) {
    if (error instanceof FootprintError) return error;
    throw error;
  }
  throw new Error('expected a FootprintError');
}

describe('default places and neighbourhoods', () => {
  it('makes a place per local authority district within each ICB', () => {
    // By hand: Q1/L2 = P3 P4 P5, Q1/L1 = P1 P2, Q2/L2 = P6 (the split district is a place in each ICB).
    expect(localAuthorityPlaces(PRACTICES).map((g) => [g.id, g.name, g.practices])).toEqual([
      ['Q1:L2', 'Croydon', ['P3', 'P4', 'P5']],
      ['Q1:L1', 'Lambeth', ['P1', 'P2']],
      ['Q2:L2', 'Croydon', ['P6']],
    ]);
  });

  it('makes a neighbourhood per PCN, and one for practices in no PCN', () => {
    expect(pcnNeighbourhoods(PRACTICES).map((g) => [g.id, g.practices])).toEqual([
      ['Q1:N1', ['P1', 'P4']],
      ['Q1:no-pcn', ['P5']],
      ['Q1:N2', ['P2', 'P3']],
      ['Q2:N3', ['P6']],
    ]);
  });
});

describe('a user place grouping', () => {
  const q1 = ['P1', 'P2', 'P3', 'P4', 'P5'];

  it('accepts every practice in exactly one place, codes in any case', () => {
    const groups = checkPlaceGrouping('Q1', q1, [
      { name: 'North', practices: ['p1', 'P4'] },
      { name: 'South', practices: ['P2', 'P3', 'P5'] },
    ]);
    expect(groups.map((g) => [g.name, g.practices])).toEqual([
      ['North', ['P1', 'P4']],
      ['South', ['P2', 'P3', 'P5']],
    ]);
  });

  it('refuses overlapping places, naming the practice and both places', () => {
    const error = failure(() =>
      checkPlaceGrouping('Q1', q1, [
        { name: 'North', practices: ['P1', 'P4', 'P3'] },
        { name: 'South', practices: ['P2', 'P3', 'P5'] },
      ]),
    );
    expect(error.code).toBe('FP_PLACE_OVERLAP');
    expect(error.problem.where).toEqual({ parameter: 'places[].practices' });
    expect(error.message).toContain('P3 (in "North" and "South")');
  });

  it('refuses a grouping that leaves practices out, naming them', () => {
    const error = failure(() => checkPlaceGrouping('Q1', q1, [{ name: 'North', practices: ['P1', 'P4'] }]));
    expect(error.code).toBe('FP_PLACE_PRACTICES_LEFT_OUT');
    expect(error.problem.received).toBe('P2, P3, P5');
  });

  it("refuses practices that are not the ICB's, naming them", () => {
    const error = failure(() => checkPlaceGrouping('Q1', q1, [{ name: 'All', practices: [...q1, 'P6', 'ZZZ'] }]));
    expect(error.code).toBe('FP_PLACE_UNKNOWN_PRACTICE');
    expect(error.problem.received).toBe('P6, ZZZ');
  });

  it('refuses an empty place, two places of one name and a bad name', () => {
    const empty = failure(() => checkPlaceGrouping('Q1', q1, [{ name: 'Nothing', practices: [] }]));
    expect(empty.code).toBe('FP_PLACE_PRACTICES_LEFT_OUT');
    expect(empty.problem.where).toEqual({ parameter: 'places[0].practices' });
    const twice = failure(() =>
      checkPlaceGrouping('Q1', q1, [
        { name: 'A', practices: ['P1'] },
        { name: 'a', practices: ['P2'] },
      ]),
    );
    expect(twice.code).toBe('FP_PLACE_BAD_NAME');
    expect(twice.problem.where).toEqual({ parameter: 'places[1].name' });
    const bad = failure(() => checkPlaceGrouping('Q1', q1, [{ name: '<b>', practices: q1 }]));
    expect(bad.code).toBe('FP_PLACE_BAD_NAME');
    expect(failure(() => checkPlaceGrouping('Q1', q1, [])).code).toBe('FP_PLACE_PRACTICES_LEFT_OUT');
  });
});

describe('size flags against the seed ranges', () => {
  it('flags, with the bounds inside the range', () => {
    expect(sizeFlag('place', 249_999)).toBe('below-usual-size');
    expect(sizeFlag('place', 250_000)).toBe('within-usual-size');
    expect(sizeFlag('place', 500_000)).toBe('within-usual-size');
    expect(sizeFlag('place', 500_001)).toBe('above-usual-size');
    expect(sizeFlag('neighbourhood', 29_000)).toBe('below-usual-size');
    expect(sizeFlag('neighbourhood', 51_000)).toBe('above-usual-size');
    expect(sizeFlag('system', 1_742_750)).toBe('within-usual-size');
  });
});
