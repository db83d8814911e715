// The SQL of the provider figures stored with each run (provider-figures.ts), on its own so migration 23, which
// fills them in for runs stored before it, uses the same statement without importing the workspace.

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
