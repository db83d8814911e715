// Activity cells → flows: each residence code resolved to its ICB in the vintage (unknown or unmapped →
// the unknown-residence rule), each provider to its host ICB (none → UNALLOCATED), summed again.
import { UNALLOCATED } from '../../core/basis/index.ts';
import type { GeographyVintage } from '../../core/geography/vintage.ts';
import { geographyColumns } from './geography-columns.ts';
import type { SqlDialect } from './sql-dialect.ts';

/** Columns: financial_year, resident_icb, residence_known, provider_code, provider_icb, service_code,
 * activity, spend (money). `cells` is a relation with activityCellsSql's columns; the rule name is bound
 * at `ruleParam`. */
export function flowsSql(d: SqlDialect, cells: string, vintage: GeographyVintage, ruleParam: number): string {
  const g = geographyColumns(vintage);
  const providerIcb = `COALESCE(p.${g.providerHostIcb}, '${UNALLOCATED}')`;
  return `SELECT financial_year, resident_icb, residence_known, provider_code, provider_icb, service_code,
       sum(activity) AS activity, sum(spend) AS spend
FROM (
  SELECT c.financial_year AS financial_year,
         COALESCE(r.${g.residenceIcb},
                  CASE WHEN ${d.param(ruleParam)} = 'unallocated' THEN '${UNALLOCATED}' ELSE ${providerIcb} END)
           AS resident_icb,
         CASE WHEN r.${g.residenceIcb} IS NULL THEN 0 ELSE 1 END AS residence_known,
         c.provider_code AS provider_code,
         ${providerIcb} AS provider_icb,
         c.service_code AS service_code,
         c.activity AS activity,
         c.spend AS spend
  FROM (${cells}) c
  LEFT JOIN residence_map r ON r.code = c.residence_code
  LEFT JOIN provider p ON p.provider_code = c.provider_code
) resolved
GROUP BY financial_year, resident_icb, residence_known, provider_code, provider_icb, service_code`;
}
