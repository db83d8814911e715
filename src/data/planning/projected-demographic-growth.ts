// `"demographic": "projections"`: each ICB's demographic growth per service from the imported population
// projections, cost-weighted by England's base-year spend per head in each age band × sex for the service
// (core's costWeightedPopulationGrowth). A financial year's population is the mid-year inside it: 2024/25
// uses mid-2024. England's spend comes from the plan dataset's base year; England's population per cell
// from the latest registered population, so weights are spend per registered head.
import { fail } from '../../core/errors.ts';
import {
  costWeightedPopulationGrowth,
  type EnglandSpendCell,
  type ProjectedCell,
} from '../../core/growth/cost-weighted-population-growth.ts';
import type { GrowthRates, SpendLine } from '../../core/growth/do-nothing.ts';
import { AGE_BANDS, type AgeBand } from '../../core/population/age-bands.ts';
import type { FinancialYear } from '../../core/units.ts';
import type { ActivityEngine } from '../engines/engine.ts';
import type { Workspace } from '../workspace.ts';
import { PLAN_VINTAGE } from './base-year-spend.ts';

const IMPORT_HINT =
  'Import ONS subnational population projections with `footprint projections import FILE`, or give growth.demographic as rates per year.';

export interface ProjectedGrowth {
  /** Demographic rates per ICB: headcount growth by default, cost-weighted growth by service. */
  byIcb: Map<string, GrowthRates['demographic']>;
  /** The imported file and the mid-years used, for provenance. */
  source: string;
}

const isAgeBand = (band: string | null): band is AgeBand => AGE_BANDS.includes(band as AgeBand);

async function englandSpendByService(
  ws: Workspace,
  engine: ActivityEngine,
  dataset: string,
  baseYear: FinancialYear,
): Promise<Map<string, EnglandSpendCell[]>> {
  const population = await ws.all<{ sex: 'M' | 'F'; band: string; persons: number }>(
    `SELECT sex, age_band AS band, CAST(sum(persons) AS DOUBLE) AS persons FROM population
     WHERE area_type = 'icb' AND sex IN ('M', 'F')
       AND source = (SELECT source FROM population ORDER BY as_at DESC LIMIT 1)
     GROUP BY sex, age_band`,
  );
  const englandPopulation = new Map(population.map((p) => [`${p.band}|${p.sex}`, p.persons]));
  const spend = new Map<string, Map<string, EnglandSpendCell>>();
  for (const cell of await engine.utilisationByIcbAgeSex({ dataset, vintage: PLAN_VINTAGE })) {
    if (cell.financialYear !== baseYear || !cell.sex || !isAgeBand(cell.ageBand)) continue;
    const cells = spend.get(cell.serviceCode) ?? new Map<string, EnglandSpendCell>();
    if (cells.size === 0) spend.set(cell.serviceCode, cells);
    const key = `${cell.ageBand}|${cell.sex}`;
    const previous = cells.get(key);
    cells.set(key, {
      ageBand: cell.ageBand,
      sex: cell.sex,
      englandSpend: (previous?.englandSpend ?? 0) + cell.spendPence / 100,
      englandPopulation: englandPopulation.get(key) ?? 0,
    });
  }
  return new Map([...spend].map(([service, cells]) => [service, [...cells.values()]]));
}

export async function projectedDemographicGrowth(
  ws: Workspace,
  engine: ActivityEngine,
  question: {
    dataset: string;
    baseYear: FinancialYear;
    years: number;
    icbs: readonly string[];
    linesOf: (icb: string) => readonly SpendLine[];
    file?: string;
  },
): Promise<ProjectedGrowth> {
  const { baseYear, years, icbs } = question;
  const imported = await ws.one<{ file: string; first: number; last: number }>(
    'SELECT file, first_year AS first, last_year AS last FROM projection_import',
  );
  const firstNeeded = Number(baseYear.slice(0, 4));
  const lastNeeded = firstNeeded + years;
  if (!imported || imported.first > firstNeeded || imported.last < lastNeeded) {
    fail(
      'FP_PLAN_NO_PROJECTIONS',
      imported
        ? `The imported projections (${imported.file}) cover mid-${imported.first} to mid-${imported.last}, not the plan's years.`
        : 'Demographic growth from population projections needs projections, and none are imported.',
      {
        where: { file: question.file, field: 'growth.demographic' },
        received: imported ? `projections for mid-${imported.first} to mid-${imported.last}` : 'no projections',
        accepted: `projections for mid-${firstNeeded} (base year ${baseYear}) to mid-${lastNeeded}`,
        hint: IMPORT_HINT,
      },
    );
  }
  const rows = await ws.all<{ icb: string; year: number; band: AgeBand; sex: 'M' | 'F'; persons: number }>(
    `SELECT icb_code AS icb, year, age_band AS band, sex, persons FROM population_projection
     WHERE year BETWEEN $1 AND $2`,
    [firstNeeded, lastNeeded],
  );
  const projections = new Map<string, Map<string, ProjectedCell & { counts: number[] }>>();
  for (const r of rows) {
    const cells = projections.get(r.icb) ?? new Map();
    if (cells.size === 0) projections.set(r.icb, cells);
    const key = `${r.band}|${r.sex}`;
    const cell = cells.get(key) ?? { ageBand: r.band, sex: r.sex, counts: [] };
    cells.set(key, cell);
    cell.counts[r.year - firstNeeded] = r.persons;
  }
  const englandSpend = await englandSpendByService(ws, engine, question.dataset, baseYear);
  const byIcb = new Map<string, GrowthRates['demographic']>();
  for (const icb of icbs) {
    const projection = projections.get(icb) ? [...projections.get(icb)!.values()] : undefined;
    const byService: Record<string, number[]> = {};
    for (const service of new Set(question.linesOf(icb).map((l) => l.service))) {
      byService[service] = costWeightedPopulationGrowth(
        icb,
        englandSpend.get(service) ?? [],
        projection,
        years,
      ).demographic;
    }
    byIcb.set(icb, { default: costWeightedPopulationGrowth(icb, [], projection, years).demographic, byService });
  }
  return {
    byIcb,
    source: `population projections from ${imported.file} (mid-${firstNeeded} to mid-${lastNeeded}), cost-weighted by England's ${baseYear} spend per registered head by age band and sex for each service`,
  };
}
