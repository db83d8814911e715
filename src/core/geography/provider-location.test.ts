import { describe, expect, it } from 'vitest';
import { indexPracticesByPostcode, type LocatedPractice, locateByPostcode } from './provider-location.ts';

const practices: LocatedPractice[] = [
  { postcode: 'NW1 0AA', latitude: 51.54, longitude: -0.14, icb2026: 'Z9B2Z', icb2023: 'QMJ' },
  { postcode: 'NW1 0BB', latitude: 51.52, longitude: -0.12, icb2026: 'Z9B2Z', icb2023: 'QMJ' },
  { postcode: 'NW1 5CC', latitude: 51.6, longitude: -0.2, icb2026: 'QKK', icb2023: 'QKK' },
  { postcode: 'NW3 1DD', latitude: 51.56, longitude: -0.18, icb2026: 'QKK', icb2023: 'QKK' },
];
const index = indexPracticesByPostcode(practices);

describe('locateByPostcode', () => {
  it('uses the practices in the same sector when there are any', () => {
    // Sector NW1 0: two practices; mean (51.54 + 51.52) / 2 = 51.53, (-0.14 + -0.12) / 2 = -0.13.
    const at = locateByPostcode(index, 'NW1 0PE')!;
    expect(at.level).toBe('postcode-sector');
    expect(at.practices).toBe(2);
    expect(at.latitude).toBeCloseTo(51.53, 10);
    expect(at.longitude).toBeCloseTo(-0.13, 10);
    expect(at).toMatchObject({ icb2026: 'Z9B2Z', icb2023: 'QMJ' });
  });

  it('falls back to the district, then the area', () => {
    // NW1 9: no practices in that sector; district NW1 has three, two in Z9B2Z.
    const district = locateByPostcode(index, 'NW1 9XX')!;
    expect(district).toMatchObject({ level: 'postcode-district', practices: 3, icb2026: 'Z9B2Z' });
    // NW8: no such district; area NW has all four: 2 Z9B2Z, 2 QKK, tie → QKK sorts first.
    const area = locateByPostcode(index, 'NW8 7YY')!;
    expect(area).toMatchObject({ level: 'postcode-area', practices: 4, icb2026: 'QKK' });
    expect(area.latitude).toBeCloseTo((51.54 + 51.52 + 51.6 + 51.56) / 4, 10);
  });

  it('finds nothing outside the areas the practices cover', () => {
    expect(locateByPostcode(index, 'CF15 7QZ')).toBeNull();
    expect(locateByPostcode(index, 'nonsense')).toBeNull();
  });
});
