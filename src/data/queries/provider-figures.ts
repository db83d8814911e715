// Every provider's figures by year and service, stored with each run (table provider_figure) so a provider's
// page reads them rather than summing every flow and every activity row on its first view: its income and
// activity from the run's flows, the part of its income from patients who are not residents of its host ICB
// (residence unknown included), and, from the activity rows that carry a patient count, patients and the
// cost of those rows. A row with no flow has no income; a row with no counted patients has none.
import type { Workspace } from '../workspace.ts';

/** The figures of one run (dataset $1, vintage $2), or of every run the workspace holds. */
export function providerFiguresSql(scope: 'one run' | 'every run'): string {
  const where = scope === 'one run' ? 'WHERE dataset = $1 AND vintage = $2' : '';
  return `WITH runs AS (SELECT DISTINCT dataset, vintage FROM flow ${where}),
income AS (
  SELECT dataset, vintage, financial_year, provider_code, service_code, sum(spend) AS income,
         sum(CASE WHEN resident_icb <> provider_icb THEN spend ELSE 0 END) AS income_from_others,
         sum(activity) AS activity
    FROM flow ${where} GROUP BY ALL
),
counted AS (
  SELECT r.dataset, r.vintage, a.financial_year, a.provider_code, a.service_code,
         CAST(sum(a.patients) AS DOUBLE) AS patients, sum(a.cost) AS patient_cost
    FROM activity a JOIN runs r ON r.dataset = a.dataset
   WHERE a.patients IS NOT NULL GROUP BY ALL
)
SELECT dataset, vintage, financial_year, provider_code, service_code, i.income, i.income_from_others, i.activity,
       c.patients, c.patient_cost
  FROM income i FULL JOIN counted c USING (dataset, vintage, financial_year, provider_code, service_code)`;
}

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
