// Every provider's figures by year and service, stored with each run (table provider_figure) so a provider's
// page reads them rather than summing every flow and every activity row on its first view: its income and
// activity from the run's flows, the part of its income from patients who are not residents of its host ICB
// (residence unknown included), and, from the activity rows that carry a patient count, patients and the
// cost of those rows. A row with no flow has no income; a row with no counted patients has none.
import type { Workspace } from '../workspace.ts';
import { providerFiguresSql } from './provider-figures-sql.ts';

/** Stores one run's provider figures; the caller has removed the run's previous ones. */
export async function storeProviderFigures(ws: Workspace, dataset: string, vintage: string): Promise<void> {
  await ws.run(`INSERT INTO provider_figure ${providerFiguresSql('one run')}`, [dataset, vintage]);
}

/** One provider's stored figures in one year, over its services. */
export interface ProviderYearTotals {
  provider: string;
  year: string;
  income: number;
  /** Income from patients who are not residents of its host ICB, residence unknown included. */
  outside: number;
  activity: number;
  /** null: no activity row that year carried a patient count. */
  patients: number | null;
  /** The cost of the rows that carried one. */
  cost: number;
}

/** Every provider's figures in every year of one run, in a fixed order. */
export async function readProviderYearTotals(
  ws: Workspace,
  run: { dataset: string; vintage: string },
): Promise<ProviderYearTotals[]> {
  return ws.all<ProviderYearTotals>(
    `SELECT provider_code AS provider, financial_year AS year,
            CAST(coalesce(sum(income), 0) AS DOUBLE) AS income,
            CAST(coalesce(sum(income_from_others), 0) AS DOUBLE) AS outside,
            coalesce(sum(activity), 0) AS activity, sum(patients) AS patients,
            CAST(coalesce(sum(patient_cost), 0) AS DOUBLE) AS cost
       FROM provider_figure WHERE dataset = $1 AND vintage = $2
      GROUP BY ALL ORDER BY provider, year`,
    [run.dataset, run.vintage],
  );
}

/** Every provider's income from each service in one year where it had any, in a fixed order. */
export async function readProviderServiceIncome(
  ws: Workspace,
  run: { dataset: string; vintage: string; year: string },
): Promise<{ provider: string; service: string; income: number }[]> {
  return ws.all(
    `SELECT provider_code AS provider, service_code AS service, CAST(income AS DOUBLE) AS income
       FROM provider_figure WHERE dataset = $1 AND vintage = $2 AND financial_year = $3 AND income > 0
      ORDER BY provider, service`,
    [run.dataset, run.vintage, run.year],
  );
}
