// Populations by age and sex for GP practices, and so for any group of them. No age/sex breakdown per
// practice is shipped, so each practice takes its area's age/sex structure (the GP-registered counts of its
// sub-ICB location) in proportion to its share of the area's practice list sizes:
//   persons(practice, sex, band) = persons(area, sex, band) × size(practice) / Σ size(practices of the area).
// The practices of an area therefore add up to the area exactly, and so places and neighbourhoods, which
// partition an ICB's practices, add up to the ICB.
import type { AgeBand } from '../population/age-bands.ts';
import type { PracticeGroup } from './default-groupings.ts';

export interface AgeSexCell {
  sex: 'M' | 'F';
  ageBand: AgeBand;
  persons: number;
}

export interface PracticeSize {
  practiceCode: string;
  /** The area whose age/sex structure the practice takes (a sub-ICB location code). */
  areaCode: string;
  /** The practice's list size (any measure proportional to it); zero or negative counts as nothing. */
  size: number;
}

/** Each practice's persons by sex and age band. A practice whose area has no cells, or whose area's
 * practices have no size between them, gets no cells. */
export function practicePopulations(
  practices: readonly PracticeSize[],
  areaCells: ReadonlyMap<string, readonly AgeSexCell[]>,
): Map<string, AgeSexCell[]> {
  const areaSize = new Map<string, number>();
  for (const p of practices) areaSize.set(p.areaCode, (areaSize.get(p.areaCode) ?? 0) + Math.max(0, p.size));
  const result = new Map<string, AgeSexCell[]>();
  for (const p of practices) {
    const total = areaSize.get(p.areaCode) ?? 0;
    const cells = areaCells.get(p.areaCode) ?? [];
    const share = total > 0 ? Math.max(0, p.size) / total : 0;
    result.set(
      p.practiceCode,
      cells.map((c) => ({ sex: c.sex, ageBand: c.ageBand, persons: c.persons * share })),
    );
  }
  return result;
}

export interface GroupPopulation {
  id: string;
  total: number;
  cells: AgeSexCell[];
}

/** Sums practices' cells over each group (cells in sex, then the order bands first appear). */
export function groupPopulations(
  groups: readonly PracticeGroup[],
  byPractice: ReadonlyMap<string, readonly AgeSexCell[]>,
): GroupPopulation[] {
  return groups.map((group) => {
    const sums = new Map<string, AgeSexCell>();
    let total = 0;
    for (const code of group.practices) {
      for (const cell of byPractice.get(code) ?? []) {
        const key = `${cell.sex}|${cell.ageBand}`;
        const sum = sums.get(key) ?? { sex: cell.sex, ageBand: cell.ageBand, persons: 0 };
        sum.persons += cell.persons;
        sums.set(key, sum);
        total += cell.persons;
      }
    }
    return { id: group.id, total, cells: [...sums.values()] };
  });
}
