// One service's spend per ICB on population basis (with per-head figures against the ICB's registered
// population) and its providers, for one year.

import type { GeographyVintage } from '../../core/geography/vintage.ts';
import type { ServiceByIcbRow, ServiceProviderRow } from '../../core/services/service-answers.ts';
import type { Workspace } from '../workspace.ts';
import { icbNameSql } from './icb-name.ts';
import { icbPopulationSql } from './icb-population.ts';

export async function serviceByIcb(
  ws: Workspace,
  run: { dataset: string; vintage: GeographyVintage; year: string },
  service: string,
): Promise<ServiceByIcbRow[]> {
  return ws.all<ServiceByIcbRow>(
    `WITH spend AS (
       SELECT icb_code, sum(population_basis_spend) AS spend FROM allocation
        WHERE dataset = $1 AND vintage = $2 AND financial_year = $3 AND service_code = $4 GROUP BY icb_code
     )
     SELECT i.icb_code AS icb, i.name, CAST(coalesce(s.spend, 0) AS DOUBLE) AS spend,
            coalesce(pop.population, 0) AS population,
            CASE WHEN coalesce(pop.population, 0) = 0 THEN NULL
                 ELSE CAST(coalesce(s.spend, 0) AS DOUBLE) / pop.population END AS "perHead"
       FROM icb i
       LEFT JOIN spend s ON s.icb_code = i.icb_code
       LEFT JOIN (${icbPopulationSql(run.vintage)}) pop ON pop.icb_code = i.icb_code
      WHERE i.vintage = $2 ORDER BY i.name`,
    [run.dataset, run.vintage, run.year, service],
  );
}

export async function serviceProviders(
  ws: Workspace,
  run: { dataset: string; vintage: GeographyVintage; year: string },
  service: string,
): Promise<ServiceProviderRow[]> {
  return ws.all<ServiceProviderRow>(
    `SELECT f.provider_code AS provider, coalesce(p.name, f.provider_code) AS name, f.provider_icb AS "providerIcb",
            ${icbNameSql('pi.name', 'f.provider_icb')} AS "providerIcbName", CAST(sum(f.spend) AS DOUBLE) AS spend, CAST(sum(f.activity) AS DOUBLE) AS activity
       FROM flow f LEFT JOIN provider p ON p.provider_code = f.provider_code
       LEFT JOIN icb pi ON pi.vintage = f.vintage AND pi.icb_code = f.provider_icb
      WHERE f.dataset = $1 AND f.vintage = $2 AND f.financial_year = $3 AND f.service_code = $4
      GROUP BY ALL ORDER BY spend DESC, provider`,
    [run.dataset, run.vintage, run.year, service],
  );
}
