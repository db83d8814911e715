// The registered population of each ICB in a geography vintage, as SQL. 2026 ICBs: the August 2026
// GP-registered counts. 2023 ICBs: the 2025/26 allocation file's practice populations summed to the
// 2023 ICB each practice was in (the registered counts are published on 2026 geography only).
import type { GeographyVintage } from '../../core/geography/vintage.ts';

export const ICB_POPULATION_SOURCE: Record<GeographyVintage, string> = {
  '2026': 'GP-registered patients, August 2026 (NHS Digital)',
  '2023': 'GP practice populations in the 2025/26 allocation weighted-population file, summed to 2023 ICBs',
};

/** A relation with columns icb_code, population. */
export function icbPopulationSql(vintage: GeographyVintage): string {
  return vintage === '2026'
    ? `SELECT area_code AS icb_code, CAST(sum(persons) AS DOUBLE) AS population FROM population
        WHERE area_type = 'icb' GROUP BY area_code`
    : `SELECT icb_code, CAST(sum(population) AS DOUBLE) AS population FROM weighted_population
        WHERE financial_year = '2025/26' GROUP BY icb_code`;
}
