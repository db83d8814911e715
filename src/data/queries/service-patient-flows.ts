// One year's patients and spend by resident ICB × provider × service, for patients whose residence resolves
// to an ICB in the vintage (a footprint's flows are about its own residents, so unknown residence is left
// out here and counted in the run's totals instead).

import type { GeographyVintage } from '../../core/geography/vintage.ts';
import { geographyColumns } from './geography-columns.ts';
import type { SqlDialect } from './sql-dialect.ts';

/** Columns: resident_icb, provider_code, provider_icb (NULL when the provider has no host ICB),
 * service_code, patients (a row's patients, or its activity when it has none), recorded_patients (only the
 * patients rows record), activity, spend_pence. Binds the dataset at $first and the year at $first+1. */
export function servicePatientFlowsSql(d: SqlDialect, vintage: GeographyVintage, first: number): string {
  const g = geographyColumns(vintage);
  return `SELECT r.${g.residenceIcb} AS resident_icb, c.provider_code AS provider_code,
       p.${g.providerHostIcb} AS provider_icb, c.service_code AS service_code,
       ${d.float('sum(c.patients)')} AS patients, ${d.float('sum(c.recorded_patients)')} AS recorded_patients,
       ${d.float('sum(c.activity)')} AS activity, ${d.pence('sum(c.spend)')} AS spend_pence
FROM (
  SELECT residence_code, provider_code, service_code, sum(coalesce(patients, activity)) AS patients,
         sum(coalesce(patients, 0)) AS recorded_patients, sum(activity) AS activity, sum(cost) AS spend
  FROM activity
  WHERE dataset = ${d.param(first)} AND financial_year = ${d.param(first + 1)}
  GROUP BY residence_code, provider_code, service_code
) c
JOIN residence_map r ON r.code = c.residence_code
LEFT JOIN provider p ON p.provider_code = c.provider_code
WHERE r.${g.residenceIcb} IS NOT NULL
GROUP BY r.${g.residenceIcb}, c.provider_code, p.${g.providerHostIcb}, c.service_code
ORDER BY service_code, resident_icb, provider_code`;
}
