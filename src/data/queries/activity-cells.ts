// The one scan of activity: a dataset's rows summed by year, residence code, provider and service. Every
// basis figure and every input total derives from these cells, so the run reads activity once.
import type { SqlDialect } from './sql-dialect.ts';

/** Columns: financial_year, residence_code, provider_code, service_code, row_count, activity, spend (money).
 * Binds the dataset name at `datasetParam`. */
export function activityCellsSql(d: SqlDialect, datasetParam: number): string {
  return `SELECT financial_year, residence_code, provider_code, service_code,
       ${d.count('count(*)')} AS row_count, sum(activity) AS activity, sum(cost) AS spend
FROM activity
WHERE dataset = ${d.param(datasetParam)}
GROUP BY financial_year, residence_code, provider_code, service_code`;
}
