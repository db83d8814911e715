// Each service's observed cost per patient in one year: the mean (total cost / total patients), the CV of
// the per-row cost per patient weighted by patients, and a sample of per-row costs per patient for
// resampling (rows in a stable hashed order, so the sample is the same on every run).
import type { SqlDialect } from './sql-dialect.ts';

/** Columns: service_code, patients, mean_cost, cv_cost, sample (doubles joined by commas). Binds the dataset at
 * $first, the year at $first+1 and the sample size at $first+2. DuckDB list syntax. */
export function serviceCostDistributionSql(d: SqlDialect, first: number): string {
  return `WITH rows AS (
  SELECT service_code, coalesce(patients, activity) AS patients, ${d.float('cost')} AS cost,
         hash(provider_code, residence_code, pod, age_band, sex, month, cost) AS row_hash
  FROM activity
  WHERE dataset = ${d.param(first)} AND financial_year = ${d.param(first + 1)} AND coalesce(patients, activity) > 0 AND cost > 0
), means AS (
  SELECT service_code, sum(patients) AS patients, sum(cost) / sum(patients) AS mean_cost FROM rows GROUP BY service_code
)
SELECT m.service_code AS service_code, ${d.float('m.patients')} AS patients, ${d.float('m.mean_cost')} AS mean_cost,
       ${d.float('sqrt(sum(r.patients * (r.cost / r.patients - m.mean_cost) ^ 2) / sum(r.patients)) / m.mean_cost')} AS cv_cost,
       array_to_string(list(r.cost / r.patients ORDER BY r.row_hash)[1:${d.param(first + 2)}], ',') AS sample
FROM rows r JOIN means m USING (service_code)
GROUP BY m.service_code, m.patients, m.mean_cost
ORDER BY service_code`;
}
