import { describe, expect, it } from 'vitest';
import { assignLargestShare } from './largest-share.ts';

describe('assignLargestShare', () => {
  it('gives a split area to the target holding most of its population', () => {
    // Toy "Frimley": 500 people now in North, 300 in East, 200 in South; total 1,000, so North with 0.5.
    const result = assignLargestShare([
      { area: 'FRIMLEY', target: 'EAST', population: 300 },
      { area: 'FRIMLEY', target: 'NORTH', population: 200 },
      { area: 'FRIMLEY', target: 'NORTH', population: 300 },
      { area: 'FRIMLEY', target: 'SOUTH', population: 200 },
    ]);
    expect(result.get('FRIMLEY')).toEqual({ target: 'NORTH', share: 0.5, population: 1000 });
  });

  it('breaks a tie by the target code that sorts first, whatever the input order', () => {
    // 40 and 40 of 80: a tie at 0.5; 'A' sorts before 'B'.
    const forward = assignLargestShare([
      { area: 'X', target: 'B', population: 40 },
      { area: 'X', target: 'A', population: 40 },
    ]);
    expect(forward.get('X')).toEqual({ target: 'A', share: 0.5, population: 80 });
  });

  it('leaves out areas with no population', () => {
    expect(assignLargestShare([{ area: 'EMPTY', target: 'A', population: 0 }]).has('EMPTY')).toBe(false);
  });
});
