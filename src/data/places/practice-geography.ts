// The GP practices of an ICB with what places, neighbourhoods and their populations are built from.
//
// Practice populations: the shipped GP-registered file is by area (region, ICB, sub-ICB location) only, so a
// practice's size is its registered population in NHS England's 2025/26 allocation file
// (weighted_population.population, '2025/26'), and its age/sex breakdown is its sub-ICB location's
// (GP-registered, August 2026) scaled by its share of the sub-ICB's 2025/26 list sizes
// (src/core/places/practice-populations.ts). Practices therefore add up to the August 2026 sub-ICB and ICB
// totals exactly, while keeping their 2025/26 relative sizes.

import { listValue } from '@duckdb/node-api';
import type { PracticeGeography } from '../../core/places/default-groupings.ts';
import { type AgeSexCell, type PracticeSize, practicePopulations } from '../../core/places/practice-populations.ts';
import type { AgeBand } from '../../core/population/age-bands.ts';
import type { Workspace } from '../workspace.ts';

export const PRACTICE_SIZE_YEAR = '2025/26';
export const POPULATION_SOURCE = 'gp-registered-2026-08';

export interface IcbPractice extends PracticeGeography {
  name: string;
  subIcbCode: string;
  size: number;
}

export async function readIcbPractices(ws: Workspace, icbCode: string): Promise<IcbPractice[]> {
  return ws.all<IcbPractice>(
    `SELECT g.practice_code AS "practiceCode", g.name, g.icb_code AS "icbCode", g.sub_icb_code AS "subIcbCode",
            g.lad_code AS "ladCode", g.lad_name AS "ladName", g.pcn_code AS "pcnCode", g.pcn_name AS "pcnName",
            CAST(coalesce(w.population, 0) AS DOUBLE) AS size
     FROM gp_practice g
     LEFT JOIN weighted_population w ON w.practice_code = g.practice_code AND w.financial_year = $2
     WHERE g.icb_code = $1
     ORDER BY g.practice_code`,
    [icbCode, PRACTICE_SIZE_YEAR],
  );
}

/** Persons by sex and age band per practice of the ICB. */
export async function readPracticePopulations(
  ws: Workspace,
  practices: readonly IcbPractice[],
): Promise<Map<string, AgeSexCell[]>> {
  const areas = [...new Set(practices.map((p) => p.subIcbCode))];
  const cells = await ws.all<{ area: string; sex: 'M' | 'F'; ageBand: AgeBand; persons: number }>(
    `SELECT area_code AS area, sex, age_band AS "ageBand", CAST(persons AS DOUBLE) AS persons
     FROM population WHERE source = $1 AND area_type = 'sub-icb' AND list_contains($2::VARCHAR[], area_code)`,
    [POPULATION_SOURCE, listValue(areas)],
  );
  const byArea = new Map<string, AgeSexCell[]>();
  for (const c of cells) {
    byArea.set(c.area, [...(byArea.get(c.area) ?? []), { sex: c.sex, ageBand: c.ageBand, persons: c.persons }]);
  }
  const sizes: PracticeSize[] = practices.map((p) => ({
    practiceCode: p.practiceCode,
    areaCode: p.subIcbCode,
    size: p.size,
  }));
  return practicePopulations(sizes, byArea);
}

/** The ICB's own GP-registered total (August 2026). */
export async function readIcbPopulation(ws: Workspace, icbCode: string): Promise<number> {
  const row = await ws.one<{ persons: number }>(
    `SELECT CAST(coalesce(sum(persons), 0) AS DOUBLE) AS persons FROM population
     WHERE source = $1 AND area_type = 'icb' AND area_code = $2`,
    [POPULATION_SOURCE, icbCode],
  );
  return row?.persons ?? 0;
}
