// The delegation and tiering evidence on ClickHouse (18.16 and current releases), the same questions as
// service-patients-by-age-sex.ts, service-patient-flows.ts and service-cost-distribution.ts: summed on the
// shards, looked up on the initiator with one JOIN per SELECT. Patients are the rows' patients, else their
// activity. Inner look-ups are ALL INNER JOINs against a right side with one row per key: ANY INNER JOIN keeps
// only one left row per key since ClickHouse 20 (it kept every left row in 18.16), and subqueries in a JOIN
// carry aliases, which current releases require.
import type { GeographyVintage } from '../../../core/geography/vintage.ts';
import { geographyColumns } from '../geography-columns.ts';
import type { SqlDialect } from '../sql-dialect.ts';

/** Columns: service_code, age_band, sex, total_patients. Binds the dataset at $1, the year at $2. */
export function clickhouseServicePatientsByAgeSexSql(d: SqlDialect, database: string): string {
  return `SELECT service_code, age_band, sex, ${d.float('sum(ifNull(patients, activity))')} AS total_patients
FROM ${database}.activity
WHERE dataset = $1 AND financial_year = $2
GROUP BY service_code, age_band, sex`;
}

/** Columns: resident_icb, provider_code, provider_icb (NULL: no host), service_code, total_patients,
 * spend_pence, for known residence only. Binds the dataset at $1, the year at $2. */
export function clickhouseServicePatientFlowsSql(d: SqlDialect, database: string, vintage: GeographyVintage): string {
  const g = geographyColumns(vintage);
  return `SELECT cell_icb AS resident_icb, provider_code, cell_host AS provider_icb, service_code,
       ${d.float('sum(cell_patients)')} AS total_patients, ${d.float('sum(cell_recorded)')} AS recorded_patients,
       ${d.float('sum(cell_activity)')} AS total_activity, ${d.pence('sum(cell_spend)')} AS spend_pence
FROM (
  SELECT *
  FROM (
    SELECT *
    FROM (
      SELECT residence_code, provider_code, service_code, sum(ifNull(patients, activity)) AS cell_patients,
             sum(ifNull(patients, 0)) AS cell_recorded, sum(activity) AS cell_activity, sum(cost) AS cell_spend
      FROM ${database}.activity
      WHERE dataset = $1 AND financial_year = $2
      GROUP BY residence_code, provider_code, service_code
    ) AS cells
    ALL INNER JOIN (SELECT code AS residence_code, ${g.residenceIcb} AS cell_icb FROM ${database}.residence_map) AS residence
    USING residence_code
  ) AS resident
  ANY LEFT JOIN (SELECT provider_code, ${g.providerHostIcb} AS cell_host FROM ${database}.provider) AS host
  USING provider_code
)
GROUP BY cell_icb, provider_code, cell_host, service_code`;
}

/** Columns: service_code, total_patients, mean_cost, cv_cost, sample (array of doubles, in the order of a
 * hash of the row, so stable from run to run; not the same rows DuckDB's hash picks). Binds the dataset at
 * $1, the year at $2 and the sample size at $3. */
export function clickhouseServiceCostDistributionSql(d: SqlDialect, database: string): string {
  const rows = `SELECT service_code, ifNull(patients, activity) AS row_patients, toFloat64(cost) AS row_cost,
         cityHash64(provider_code, residence_code, pod, ifNull(age_band, ''), ifNull(sex, ''),
                    ifNull(toString(month), ''), toString(cost)) AS row_hash
  FROM ${database}.activity
  WHERE dataset = $1 AND financial_year = $2 AND ifNull(patients, activity) > 0 AND cost > 0`;
  return `SELECT service_code, total_patients, mean_cost,
       ${d.float('sqrt(sum(row_patients * pow(row_cost / row_patients - mean_cost, 2)) / sum(row_patients)) / mean_cost')} AS cv_cost,
       arraySlice(arrayMap(t -> t.2, arraySort(t -> t.1, groupArray((row_hash, row_cost / row_patients)))), 1, $3) AS sample
FROM (${rows}) AS costs
ALL INNER JOIN (
  SELECT service_code, ${d.float('sum(row_patients)')} AS total_patients, sum(row_cost) / sum(row_patients) AS mean_cost
  FROM (${rows})
  GROUP BY service_code
) AS service USING service_code
GROUP BY service_code, total_patients, mean_cost`;
}
