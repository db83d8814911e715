// England's patients of each service by age band and sex in one year: the numerator of the age/sex-specific
// rates that give each footprint's expected patients. Patients are the rows' patients, else their activity.
import type { SqlDialect } from './sql-dialect.ts';

/** Columns: service_code, age_band (NULL = unknown), sex (NULL = unknown), patients. Binds the dataset at
 * $first and the financial year at $first+1. */
export function servicePatientsByAgeSexSql(d: SqlDialect, first: number): string {
  return `SELECT service_code, age_band, sex, ${d.float('sum(coalesce(patients, activity))')} AS patients
FROM activity
WHERE dataset = ${d.param(first)} AND financial_year = ${d.param(first + 1)}
GROUP BY service_code, age_band, sex
ORDER BY service_code, age_band, sex`;
}
