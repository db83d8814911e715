// The England overview: total spend by year on both bases, and for one year each ICB's population,
// provider-basis spend (at providers it hosts), population-basis spend (for its registered patients), the
// difference, the share of its population-basis spend at providers outside it, and spend per head.

import type { GeographyVintage } from '../../core/geography/vintage.ts';
import type { OverviewIcb, YearTotals } from '../../core/overview/overview-answer.ts';
import type { Workspace } from '../workspace.ts';
import { icbPopulationSql } from './icb-population.ts';

export async function totalsByYear(ws: Workspace, dataset: string, vintage: GeographyVintage): Promise<YearTotals[]> {
  return ws.all<YearTotals>(
    `SELECT financial_year AS "financialYear",
            CAST(sum(provider_basis_spend) AS DOUBLE) AS "providerBasisSpend",
            CAST(sum(population_basis_spend) AS DOUBLE) AS "populationBasisSpend"
       FROM allocation WHERE dataset = $1 AND vintage = $2
      GROUP BY financial_year ORDER BY financial_year`,
    [dataset, vintage],
  );
}

/** One row per ICB of the vintage (ICBs with no spend show zeros), by name. */
export async function overviewByIcb(
  ws: Workspace,
  dataset: string,
  vintage: GeographyVintage,
  year: string,
): Promise<OverviewIcb[]> {
  return ws.all<OverviewIcb>(
    `WITH spend AS (
       SELECT icb_code, sum(provider_basis_spend) AS provider_basis, sum(population_basis_spend) AS population_basis
         FROM allocation WHERE dataset = $1 AND vintage = $2 AND financial_year = $3 GROUP BY icb_code
     ), outside AS (
       SELECT icb_code, sum(out_of_area_spend) AS out_of_area, sum(population_basis_spend) AS population_basis
         FROM out_of_area_share WHERE dataset = $1 AND vintage = $2 AND financial_year = $3 GROUP BY icb_code
     )
     SELECT i.icb_code AS code, i.name, i.region_code AS "regionCode", r.name AS "regionName",
            coalesce(pop.population, 0) AS population,
            CAST(coalesce(s.provider_basis, 0) AS DOUBLE) AS "providerBasisSpend",
            CAST(coalesce(s.population_basis, 0) AS DOUBLE) AS "populationBasisSpend",
            CAST(coalesce(s.population_basis, 0) - coalesce(s.provider_basis, 0) AS DOUBLE) AS difference,
            CASE WHEN coalesce(o.population_basis, 0) = 0 THEN NULL
                 ELSE CAST(o.out_of_area AS DOUBLE) / CAST(o.population_basis AS DOUBLE) END AS "outOfAreaShare",
            CASE WHEN coalesce(pop.population, 0) = 0 THEN NULL
                 ELSE CAST(coalesce(s.population_basis, 0) AS DOUBLE) / pop.population END AS "spendPerHead"
       FROM icb i
       JOIN region r ON r.vintage = i.vintage AND r.region_code = i.region_code
       LEFT JOIN (${icbPopulationSql(vintage)}) pop ON pop.icb_code = i.icb_code
       LEFT JOIN spend s ON s.icb_code = i.icb_code
       LEFT JOIN outside o ON o.icb_code = i.icb_code
      WHERE i.vintage = $2
      ORDER BY i.name`,
    [dataset, vintage, year],
  );
}
