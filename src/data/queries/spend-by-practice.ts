// Activity and spend per GP practice and service for one year, over the practices of one ICB: the rows
// that carry a practice code, which roll up to neighbourhoods and places.
import type { SqlDialect } from './sql-dialect.ts';

/** Columns: practice_code, service_code, activity (double), spend_pence (integer). Binds dataset at
 * `first`, financial year at `first + 1`, ICB (2026 ODS code) at `first + 2`. */
export function spendByPracticeSql(d: SqlDialect, first: number): string {
  return `SELECT a.gp_practice_code AS practice_code, a.service_code AS service_code,
       ${d.float('sum(a.activity)')} AS activity, ${d.pence('sum(a.cost)')} AS spend_pence
FROM activity a
JOIN gp_practice g ON g.practice_code = a.gp_practice_code
WHERE a.dataset = ${d.param(first)} AND a.financial_year = ${d.param(first + 1)} AND g.icb_code = ${d.param(first + 2)}
GROUP BY a.gp_practice_code, a.service_code
ORDER BY practice_code, service_code`;
}
