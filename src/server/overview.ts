// The figures the home page shows, read from the workspace: what reference data is loaded and the
// stored spend by year on both bases.

import { currentDataset } from '../data/datasets/current-dataset.ts';
import type { Workspace } from '../data/workspace.ts';

export interface Overview {
  icbs: number;
  regions: number;
  subIcbs: number;
  providers: number;
  services: number;
  registeredPopulation: number;
  dataset: string | null;
  vintage: string;
  spendByYear: { financialYear: string; providerBasisSpend: number; populationBasisSpend: number }[];
}

export async function readOverview(workspace: Workspace): Promise<Overview> {
  const counts = await workspace.one<Omit<Overview, 'dataset' | 'vintage' | 'spendByYear'>>(`
    SELECT
      (SELECT CAST(count(*) AS INTEGER) FROM icb WHERE vintage = '2026') AS icbs,
      (SELECT CAST(count(*) AS INTEGER) FROM region WHERE vintage = '2026') AS regions,
      (SELECT CAST(count(*) AS INTEGER) FROM sub_icb WHERE vintage = '2026') AS "subIcbs",
      (SELECT CAST(count(*) AS INTEGER) FROM provider WHERE close_date IS NULL) AS providers,
      (SELECT CAST(count(*) AS INTEGER) FROM service WHERE is_current) AS services,
      (SELECT CAST(coalesce(sum(persons), 0) AS DOUBLE) FROM population WHERE area_type = 'region') AS "registeredPopulation"`);
  const dataset = (await currentDataset(workspace)) ?? null;
  const vintage = '2026';
  const spendByYear = dataset
    ? await workspace.all<Overview['spendByYear'][number]>(
        `SELECT financial_year AS "financialYear",
                CAST(sum(provider_basis_spend) AS DOUBLE) AS "providerBasisSpend",
                CAST(sum(population_basis_spend) AS DOUBLE) AS "populationBasisSpend"
           FROM allocation WHERE dataset = $1 AND vintage = $2
          GROUP BY financial_year ORDER BY financial_year`,
        [dataset, vintage],
      )
    : [];
  return { ...counts!, dataset, vintage, spendByYear };
}
