import { describe, expect, it } from 'vitest';
import { centroid, mostCommon } from './centroid.ts';

describe('centroid', () => {
  it('is the plain mean when no weights are given', () => {
    // (51 + 52) / 2 = 51.5; (-1 + 0) / 2 = -0.5.
    expect(
      centroid([
        { latitude: 51, longitude: -1 },
        { latitude: 52, longitude: 0 },
      ]),
    ).toEqual({ latitude: 51.5, longitude: -0.5 });
  });

  it('weights points by population', () => {
    // (50×1 + 54×3) / 4 = 53; (-2×1 + 2×3) / 4 = 1.
    expect(
      centroid([
        { latitude: 50, longitude: -2, weight: 1 },
        { latitude: 54, longitude: 2, weight: 3 },
      ]),
    ).toEqual({ latitude: 53, longitude: 1 });
  });

  it('is null with nothing to average', () => {
    expect(centroid([])).toBeNull();
    expect(centroid([{ latitude: 50, longitude: 0, weight: 0 }])).toBeNull();
  });
});

describe('mostCommon', () => {
  it('picks the most frequent label', () => {
    expect(mostCommon(['QKK', 'QWE', 'QKK'])).toBe('QKK');
  });

  it('breaks ties by the label that sorts first', () => {
    expect(mostCommon(['QWE', 'QKK'])).toBe('QKK');
  });

  it('is null for no labels', () => {
    expect(mostCommon([])).toBeNull();
  });
});
