// The atlas of variation's scan on ClickHouse, the same question as utilisation-by-icb-age-sex.ts: activity,
// patients and spend by year × the patients' ICB (NULL when the residence code is blank or not mapped) ×
// service × age band × sex (M, F, else NULL). Summed on the shards by residence code first, then resolved
// on the initiator with one JOIN per SELECT (ClickHouse 18.16; the same text runs on current releases: joined
// subqueries carry aliases, and the practice look-up is an ALL INNER JOIN, as ANY INNER JOIN keeps one left row
// per key since ClickHouse 20).
import type { GeographyVintage } from '../../../core/geography/vintage.ts';
import { geographyColumns } from '../geography-columns.ts';
import type { SqlDialect } from '../sql-dialect.ts';

/** Columns as utilisationByIcbAgeSexSql's. Binds the dataset at $1. */
export function clickhouseUtilisationSql(d: SqlDialect, database: string, vintage: GeographyVintage): string {
  const g = geographyColumns(vintage);
  return `SELECT financial_year, cell_icb AS icb_code, service_code, age_band, cell_sex AS sex,
       ${d.float('sum(cell_activity)')} AS activity, ${d.float('sum(cell_patients)')} AS patients,
       ${d.pence('sum(cell_spend)')} AS spend_pence, ${d.count('sum(cell_rows)')} AS row_count
FROM (
  SELECT *
  FROM (
    SELECT financial_year, residence_code, service_code, age_band, if(sex IN ('M', 'F'), sex, NULL) AS cell_sex,
           sum(activity) AS cell_activity, sum(patients) AS cell_patients, sum(cost) AS cell_spend, count() AS cell_rows
    FROM ${database}.activity
    WHERE dataset = $1
    GROUP BY financial_year, residence_code, service_code, age_band, cell_sex
  ) AS cells
  ANY LEFT JOIN (SELECT code AS residence_code, ${g.residenceIcb} AS cell_icb FROM ${database}.residence_map) AS residence
  USING residence_code
)
GROUP BY financial_year, cell_icb, service_code, age_band, cell_sex`;
}

/** Columns as spendByPracticeSql's. Binds dataset at $1, financial year at $2, ICB (2026) at $3. */
export function clickhouseSpendByPracticeSql(d: SqlDialect, database: string): string {
  return `SELECT practice_code, service_code, ${d.float('sum(cell_activity)')} AS activity,
       ${d.pence('sum(cell_spend)')} AS spend_pence
FROM (
  SELECT *
  FROM (
    SELECT gp_practice_code AS practice_code, service_code, sum(activity) AS cell_activity, sum(cost) AS cell_spend
    FROM ${database}.activity
    WHERE dataset = $1 AND financial_year = $2 AND gp_practice_code != ''
    GROUP BY practice_code, service_code
  ) AS cells
  ALL INNER JOIN (SELECT practice_code, icb_code AS practice_icb FROM ${database}.gp_practice) AS practice
  USING practice_code
)
WHERE practice_icb = $3
GROUP BY practice_code, service_code
ORDER BY practice_code, service_code`;
}
