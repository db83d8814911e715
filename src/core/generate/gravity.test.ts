import { describe, expect, it } from 'vitest';
import type { FootprintError } from '../errors.ts';
import { gravityShares, haversineKm, weightedCentroid } from './gravity.ts';

// Worked example, by hand. On the equator one degree of longitude is R·π/180 = 6371.0088 × 0.0174533 =
// 111.195 km. Two areas and two providers, β = 1, d0 = 10 km:
//   area A at (0°, 0°), area B at (0°, 1°); provider P1 at (0°, 0°) with attractiveness 1, P2 at (0°, 1°)
//   with attractiveness 3.
//   A: w1 = 1 / (0 + 10) = 0.1; w2 = 3 / (111.195 + 10) = 0.024754 → shares 0.1/0.124754 = 0.80158 and 0.19842.
//   B: w1 = 1 / 121.195 = 0.0082512; w2 = 3 / 10 = 0.3 → shares 0.0082512/0.3082512 = 0.026768 and 0.973232.
describe('gravity model', () => {
  const decay = { exponent: 1, offsetKm: 10 };
  const providers = [
    { latitude: 0, longitude: 0, attractiveness: 1 },
    { latitude: 0, longitude: 1, attractiveness: 3 },
  ];

  it('measures one degree of longitude on the equator as 111.195 km', () => {
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBeCloseTo(111.195, 3);
  });

  it('worked example: area A sends 80.16% to P1 and 19.84% to P2', () => {
    const shares = gravityShares({ latitude: 0, longitude: 0 }, providers, decay);
    expect(shares[0]).toBeCloseTo(0.80158, 5);
    expect(shares[1]).toBeCloseTo(0.19842, 5);
  });

  it('worked example: area B sends 2.68% to P1 and 97.32% to P2', () => {
    const shares = gravityShares({ latitude: 0, longitude: 1 }, providers, decay);
    expect(shares[0]).toBeCloseTo(0.026768, 5);
    expect(shares[1]).toBeCloseTo(0.973232, 5);
  });

  it('with β = 0 shares follow attractiveness alone', () => {
    const shares = gravityShares({ latitude: 0, longitude: 0 }, providers, { exponent: 0, offsetKm: 10 });
    expect(shares[0]).toBeCloseTo(0.25, 12);
    expect(shares[1]).toBeCloseTo(0.75, 12);
  });

  it('rejects a negative exponent with FP_GENERATE_BAD_OPTION naming decay', () => {
    try {
      gravityShares({ latitude: 0, longitude: 0 }, providers, { exponent: -1, offsetKm: 10 });
      expect.unreachable();
    } catch (error) {
      expect((error as FootprintError).code).toBe('FP_GENERATE_BAD_OPTION');
      expect((error as FootprintError).problem.where).toEqual({ parameter: 'decay' });
    }
  });

  it('weights a centroid by population: (0,0)×1 and (0,2)×3 → longitude 1.5', () => {
    expect(
      weightedCentroid([
        { latitude: 0, longitude: 0, weight: 1 },
        { latitude: 0, longitude: 2, weight: 3 },
      ]),
    ).toEqual({ latitude: 0, longitude: 1.5 });
  });
});
