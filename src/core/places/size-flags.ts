// The footprint sizes the South London specialised services programme gives (seed 001, "Geographical
// footprint"): a system usually covers 1–2 million people, a place 250–500 thousand, a neighbourhood
// 30–50 thousand. A footprint outside its range is flagged for attention, never refused: real places
// (a small unitary authority, a large county) often fall outside.

export const FOOTPRINT_LEVELS = ['system', 'place', 'neighbourhood'] as const;
export type FootprintLevel = (typeof FOOTPRINT_LEVELS)[number];

export interface SizeRange {
  min: number;
  max: number;
}

export const USUAL_SIZE: Readonly<Record<FootprintLevel, SizeRange>> = {
  system: { min: 1_000_000, max: 2_000_000 },
  place: { min: 250_000, max: 500_000 },
  neighbourhood: { min: 30_000, max: 50_000 },
};

export type SizeFlag = 'below-usual-size' | 'within-usual-size' | 'above-usual-size';

/** Where a population sits against its level's usual range (the bounds count as within). */
export function sizeFlag(level: FootprintLevel, population: number): SizeFlag {
  const range = USUAL_SIZE[level];
  if (population < range.min) return 'below-usual-size';
  if (population > range.max) return 'above-usual-size';
  return 'within-usual-size';
}
