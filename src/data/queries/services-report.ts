// The services report: national spend, activity and provider count per year and service from a stored run
// ($1 dataset, $2 vintage), beside the current catalogue entry. Blank catalogue fields stay NULL: unknown,
// never "no".

import { filterClauses } from './allocations-report.ts';
import type { SqlDialect } from './sql-dialect.ts';

/** Columns: financial_year, service, name, programme_of_care, crg_code, highly_specialised, delegated,
 * spend, activity, activity_rows, providers, unknown_residence_spend. */
export function servicesReportSql(d: SqlDialect, year?: string): { sql: string; params: string[] } {
  const f = filterClauses(d, { year }, { year: 't.financial_year', icb: [] });
  return {
    sql: `SELECT t.financial_year AS financial_year, t.service_code AS service, s.name AS name,
       s.programme_of_care AS programme_of_care, s.crg_code AS crg_code, s.highly_specialised AS highly_specialised,
       sd.delegated AS delegated, t.cost AS spend, t.activity AS activity, t.rows AS activity_rows,
       pc.providers AS providers, t.unknown_residence_cost AS unknown_residence_spend
FROM run_total t
LEFT JOIN service s ON s.service_code = t.service_code AND s.is_current
LEFT JOIN service_delegation sd ON sd.service_code = s.service_code
  AND sd.catalogue_version = s.catalogue_version AND sd.financial_year = t.financial_year
LEFT JOIN (
  SELECT financial_year, service_code, ${d.count('count(DISTINCT provider_code)')} AS providers
  FROM flow WHERE dataset = ${d.param(1)} AND vintage = ${d.param(2)}
  GROUP BY financial_year, service_code
) pc ON pc.financial_year = t.financial_year AND pc.service_code = t.service_code
WHERE t.dataset = ${d.param(1)} AND t.vintage = ${d.param(2)}${f.where}
ORDER BY financial_year, service`,
    params: f.params,
  };
}
