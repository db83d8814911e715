// Flows on ClickHouse: resolved cells summed by year × resident ICB × residence known × provider × service,
// with the row count kept so the input totals derive from the same single pass.
import type { SqlDialect } from '../sql-dialect.ts';
import { type CellQuestion, resolvedCellsSql } from './resolved-cells.ts';

/** Columns: financial_year, resident_icb, residence_known, provider_code, provider_icb, service_code,
 * row_count, activity, spend (exact decimal), spend_pence. */
export function clickhouseFlowsSql(d: SqlDialect, q: Omit<CellQuestion, 'byPod' | 'yearParam'>): string {
  return `SELECT financial_year, resident_icb, residence_known, provider_code, provider_icb, service_code,
       ${d.count('sum(cell_rows)')} AS row_count, ${d.float('sum(cell_activity)')} AS activity,
       sum(cell_spend) AS spend, ${d.pence('sum(cell_spend)')} AS spend_pence
FROM (${resolvedCellsSql(q)})
GROUP BY financial_year, resident_icb, residence_known, provider_code, provider_icb, service_code`;
}

/** Columns: resident_icb, provider_code, service_code, pod, spend_pence, for one year. */
export function clickhousePodSpendSql(d: SqlDialect, q: Omit<CellQuestion, 'byPod'> & { yearParam: number }): string {
  return `SELECT resident_icb, provider_code, service_code, pod, ${d.pence('sum(cell_spend)')} AS spend_pence
FROM (${resolvedCellsSql({ ...q, byPod: true })})
GROUP BY resident_icb, provider_code, service_code, pod
ORDER BY resident_icb, provider_code, service_code, pod`;
}
