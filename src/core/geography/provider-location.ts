// Trusts' published records have postcodes but no coordinates. A trust is placed at the mean position
// of the GP practices sharing its postcode sector ('NW1 0'), else its district ('NW1'), else its area
// ('NW'), and its host ICB is the ICB most of those practices belong to.
import { centroid, mostCommon, type Point } from './centroid.ts';
import { postcodeParts } from './postcode.ts';

export interface LocatedPractice {
  postcode: string;
  latitude: number;
  longitude: number;
  icb2026: string;
  icb2023: string | null;
}

export type PostcodeLevel = 'postcode-sector' | 'postcode-district' | 'postcode-area';

export interface PostcodeLocation extends Point {
  level: PostcodeLevel;
  /** How many practices the position and ICBs come from. */
  practices: number;
  icb2026: string;
  icb2023: string | null;
}

export interface PracticeIndex {
  byLevel: Record<PostcodeLevel, Map<string, LocatedPractice[]>>;
}

/** Groups practices by postcode sector, district and area. Practices with unreadable postcodes are left out. */
export function indexPracticesByPostcode(practices: readonly LocatedPractice[]): PracticeIndex {
  const byLevel: PracticeIndex['byLevel'] = {
    'postcode-sector': new Map(),
    'postcode-district': new Map(),
    'postcode-area': new Map(),
  };
  for (const practice of practices) {
    const parts = postcodeParts(practice.postcode);
    if (!parts) continue;
    for (const [level, key] of [
      ['postcode-sector', parts.sector],
      ['postcode-district', parts.district],
      ['postcode-area', parts.area],
    ] as const) {
      const list = byLevel[level].get(key) ?? [];
      list.push(practice);
      byLevel[level].set(key, list);
    }
  }
  return { byLevel };
}

/** Locates a postcode at the finest level that has practices; null when none share even its area
 * (for example a Welsh trust) or the postcode cannot be read. */
export function locateByPostcode(index: PracticeIndex, postcode: string): PostcodeLocation | null {
  const parts = postcodeParts(postcode);
  if (!parts) return null;
  for (const [level, key] of [
    ['postcode-sector', parts.sector],
    ['postcode-district', parts.district],
    ['postcode-area', parts.area],
  ] as const) {
    const practices = index.byLevel[level].get(key);
    if (!practices?.length) continue;
    const point = centroid(practices)!;
    return {
      ...point,
      level,
      practices: practices.length,
      icb2026: mostCommon(practices.map((p) => p.icb2026))!,
      icb2023: mostCommon(practices.flatMap((p) => (p.icb2023 ? [p.icb2023] : []))),
    };
  }
  return null;
}
