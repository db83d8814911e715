// Assigns each area to the one target it shares most of its population with. Used where a code
// changed between geography vintages (an ICB split or merged) and no one-to-one mapping exists: the
// area counts towards the target ICB that holds the largest share of its GP practices' population.

/** Population of one area that falls in one target (for example an old ICB's practices now in a new ICB). */
export interface AreaOverlap {
  area: string;
  target: string;
  population: number;
}

export interface LargestShare {
  target: string;
  /** The target's share of the area's population, 0–1. */
  share: number;
  /** The area's population across all targets. */
  population: number;
}

/** For each area, the target holding the largest share of its population. Ties go to the target code
 * that sorts first, so the result never depends on input order. Areas with no population are left out. */
export function assignLargestShare(overlaps: readonly AreaOverlap[]): Map<string, LargestShare> {
  const byArea = new Map<string, Map<string, number>>();
  for (const { area, target, population } of overlaps) {
    if (!(population > 0)) continue;
    const targets = byArea.get(area) ?? new Map<string, number>();
    targets.set(target, (targets.get(target) ?? 0) + population);
    byArea.set(area, targets);
  }
  const result = new Map<string, LargestShare>();
  for (const [area, targets] of byArea) {
    let total = 0;
    for (const population of targets.values()) total += population;
    let best: [string, number] | undefined;
    for (const entry of [...targets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!best || entry[1] > best[1]) best = entry;
    }
    if (best) result.set(area, { target: best[0], share: best[1] / total, population: total });
  }
  return result;
}
