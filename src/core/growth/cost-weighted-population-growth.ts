// Demographic growth of a unit's cost-weighted population for one service: each age band × sex is
// weighted by England's base-year spend per head in that cell for the service, so growth among the people
// who use the service most counts most (docs/methods.md, "Demographic growth from population projections").
import { fail } from '../errors.ts';
import { AGE_BANDS, type AgeBand } from '../population/age-bands.ts';

export type ProjectionSex = 'M' | 'F';

/** England's base-year spend on the service and England's population in one age band × sex cell. */
export interface EnglandSpendCell {
  ageBand: AgeBand;
  sex: ProjectionSex;
  englandSpend: number;
  englandPopulation: number;
}

/** The unit's projected population in one cell: `counts[0]` is the base year, `counts[y]` plan year y. */
export interface ProjectedCell {
  ageBand: AgeBand;
  sex: ProjectionSex;
  counts: readonly number[];
}

export interface CostWeightedPopulationGrowth {
  /** Spend per head by cell key 'band|sex' (cells with no England population weigh nothing). */
  weights: ReadonlyMap<string, number>;
  /** Cost-weighted population, base year first. */
  costWeightedPopulation: number[];
  /** Growth per plan year (index 0 = plan year 1). */
  demographic: number[];
  /** True when the service has no England spend in any cell, so plain headcount growth was used. */
  headcountFallback: boolean;
}

const cellKey = (ageBand: AgeBand, sex: ProjectionSex) => `${ageBand}|${sex}`;

/** The projection for `unit` must cover every cell the service has spend in, for the base year and every
 * plan year; when it does not (or there is none) this fails with FP_PLAN_NO_PROJECTIONS. */
export function costWeightedPopulationGrowth(
  unit: string,
  englandSpend: readonly EnglandSpendCell[],
  projection: readonly ProjectedCell[] | undefined,
  years: number,
): CostWeightedPopulationGrowth {
  const missing = (received: string): never =>
    fail('FP_PLAN_NO_PROJECTIONS', `There are no population projections for ${unit} to give demographic growth.`, {
      where: { field: 'growth.demographic' },
      received,
      accepted: `projections for the base year and ${years} plan years in every age band and sex`,
      hint: 'Import ONS subnational population projections (`footprint projections import FILE`), or give demographic growth as rates per year.',
    });
  if (!projection || projection.length === 0) missing('no projections');

  const weights = new Map<string, number>();
  for (const cell of englandSpend) {
    const perHead = cell.englandPopulation > 0 ? cell.englandSpend / cell.englandPopulation : 0;
    const key = cellKey(cell.ageBand, cell.sex);
    weights.set(key, (weights.get(key) ?? 0) + perHead);
  }
  const headcountFallback = ![...weights.values()].some((w) => w > 0);

  const counts = new Map<string, readonly number[]>();
  for (const cell of projection!) counts.set(cellKey(cell.ageBand, cell.sex), cell.counts);
  const costWeightedPopulation = Array.from({ length: years + 1 }, () => 0);
  for (const ageBand of AGE_BANDS) {
    for (const sex of ['M', 'F'] as const) {
      const key = cellKey(ageBand, sex);
      // Headcount counts the cells the projection has; a weighted cell the projection lacks is missing data.
      const weight = headcountFallback ? (counts.has(key) ? 1 : 0) : (weights.get(key) ?? 0);
      if (weight === 0) continue;
      const cellCounts = counts.get(key);
      for (let y = 0; y <= years; y++) {
        const count = cellCounts?.[y];
        if (count === undefined || !Number.isFinite(count) || count < 0) {
          missing(`no usable count for ${ageBand} ${sex} in ${y === 0 ? 'the base year' : `plan year ${y}`}`);
        }
        costWeightedPopulation[y]! += weight * count!;
      }
    }
  }
  const demographic = costWeightedPopulation
    .slice(1)
    .map((population, y) =>
      costWeightedPopulation[y]! > 0 ? population / costWeightedPopulation[y]! - 1 : missing('a population of 0'),
    );
  return { weights, costWeightedPopulation, demographic, headcountFallback };
}
