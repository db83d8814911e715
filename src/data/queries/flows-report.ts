// The flows report: a stored run's resident-ICB × provider matrix ($1 dataset, $2 vintage), optionally
// for one year and for flows into or out of one ICB.

import { filterClauses, type ReportFilter } from './allocations-report.ts';
import type { SqlDialect } from './sql-dialect.ts';

/** Columns: financial_year, resident_icb, residence_known, provider, provider_name, provider_icb, service,
 * activity, spend. */
export function flowsReportSql(d: SqlDialect, filter: ReportFilter): { sql: string; params: string[] } {
  const f = filterClauses(d, filter, { year: 'f.financial_year', icb: ['f.resident_icb', 'f.provider_icb'] });
  return {
    sql: `SELECT f.financial_year AS financial_year, f.resident_icb AS resident_icb, f.residence_known AS residence_known,
       f.provider_code AS provider, p.name AS provider_name, f.provider_icb AS provider_icb,
       f.service_code AS service, f.activity AS activity, f.spend AS spend
FROM flow f LEFT JOIN provider p ON p.provider_code = f.provider_code
WHERE f.dataset = ${d.param(1)} AND f.vintage = ${d.param(2)}${f.where}
ORDER BY financial_year, resident_icb, residence_known DESC, provider, service`,
    params: f.params,
  };
}
