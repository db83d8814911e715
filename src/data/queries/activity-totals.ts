// Input totals per year and service from the activity cells, with the part whose residence code does not
// resolve to an ICB in the vintage.

import type { GeographyVintage } from '../../core/geography/vintage.ts';
import { geographyColumns } from './geography-columns.ts';
import type { SqlDialect } from './sql-dialect.ts';

/** Columns: financial_year, service_code, row_count, activity, cost_pence, unknown_residence_rows,
 * unknown_residence_cost_pence. `cells` is a relation with activityCellsSql's columns. */
export function activityTotalsSql(d: SqlDialect, cells: string, vintage: GeographyVintage): string {
  const g = geographyColumns(vintage);
  const unknown = `r.${g.residenceIcb} IS NULL`;
  return `SELECT c.financial_year AS financial_year, c.service_code AS service_code,
       ${d.count('sum(c.row_count)')} AS row_count,
       ${d.float('sum(c.activity)')} AS activity,
       ${d.pence('sum(c.spend)')} AS cost_pence,
       ${d.count(`sum(CASE WHEN ${unknown} THEN c.row_count ELSE 0 END)`)} AS unknown_residence_rows,
       ${d.pence(`sum(CASE WHEN ${unknown} THEN c.spend ELSE 0 END)`)} AS unknown_residence_cost_pence
FROM (${cells}) c
LEFT JOIN residence_map r ON r.code = c.residence_code
GROUP BY c.financial_year, c.service_code
ORDER BY financial_year, service_code`;
}
