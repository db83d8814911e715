import { describe, expect, it } from 'vitest';
import { postcodeParts } from './postcode.ts';

describe('postcodeParts', () => {
  it.each([
    ['NW1 0PE', { area: 'NW', district: 'NW1', sector: 'NW1 0' }],
    ['M13 9WL', { area: 'M', district: 'M13', sector: 'M13 9' }],
    ['SW1A 2AA', { area: 'SW', district: 'SW1A', sector: 'SW1A 2' }],
    ['ts18  1hu', { area: 'TS', district: 'TS18', sector: 'TS18 1' }],
    ['B15 2TH', { area: 'B', district: 'B15', sector: 'B15 2' }],
    ['W1G0PW', { area: 'W', district: 'W1G', sector: 'W1G 0' }],
  ])('splits %s', (postcode, parts) => {
    expect(postcodeParts(postcode)).toEqual(parts);
  });

  it.each(['', 'NW1', 'NOT A POSTCODE', '12345'])('rejects %j', (text) => {
    expect(postcodeParts(text)).toBeNull();
  });
});
