// One year's population-basis spend by resident ICB × provider × service × point of delivery: the base year
// of a financial plan. The stored flow table has no pod, so this reads activity again, resolving residence
// exactly as the basis conversion does (flows-by-resident-icb-provider-service.ts): the residence code's
// ICB in the vintage, else the unknown-residence rule (the provider's host ICB, or UNALLOCATED).
import { UNALLOCATED } from '../../core/basis/index.ts';
import type { GeographyVintage } from '../../core/geography/vintage.ts';
import { geographyColumns } from './geography-columns.ts';
import type { SqlDialect } from './sql-dialect.ts';

/** Columns: resident_icb, provider_code, service_code, pod, spend_pence. Binds the dataset at $first, the
 * financial year at $first+1 and the unknown-residence rule at $first+2. */
export function populationBasisSpendByPodSql(d: SqlDialect, vintage: GeographyVintage, first: number): string {
  const g = geographyColumns(vintage);
  const providerIcb = `COALESCE(p.${g.providerHostIcb}, '${UNALLOCATED}')`;
  return `SELECT resident_icb, provider_code, service_code, pod, ${d.pence('sum(spend)')} AS spend_pence
FROM (
  SELECT COALESCE(r.${g.residenceIcb},
                  CASE WHEN ${d.param(first + 2)} = 'unallocated' THEN '${UNALLOCATED}' ELSE ${providerIcb} END)
           AS resident_icb,
         c.provider_code AS provider_code, c.service_code AS service_code, c.pod AS pod, c.spend AS spend
  FROM (
    SELECT residence_code, provider_code, service_code, pod, sum(cost) AS spend
    FROM activity
    WHERE dataset = ${d.param(first)} AND financial_year = ${d.param(first + 1)}
    GROUP BY residence_code, provider_code, service_code, pod
  ) c
  LEFT JOIN residence_map r ON r.code = c.residence_code
  LEFT JOIN provider p ON p.provider_code = c.provider_code
) resolved
GROUP BY resident_icb, provider_code, service_code, pod
ORDER BY resident_icb, provider_code, service_code, pod`;
}
