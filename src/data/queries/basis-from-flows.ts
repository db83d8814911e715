// What the run derives from the stored flows of one dataset and vintage ($1, $2): allocations on both
// bases, out-of-area shares and provider income shares. Flows are small (year × ICB × provider × service),
// so these are cheap whatever the size of activity.
import { UNALLOCATED } from '../../core/basis/index.ts';
import type { SqlDialect } from './sql-dialect.ts';

const RUN_FLOWS = (d: SqlDialect) => `FROM flow WHERE dataset = ${d.param(1)} AND vintage = ${d.param(2)}`;

const share = (d: SqlDialect, part: string, whole: string) =>
  `CASE WHEN ${whole} = 0 THEN NULL ELSE ${d.float(part)} / ${d.float(whole)} END`;

/** Columns: financial_year, icb_code, service_code, provider_basis_spend, population_basis_spend. */
export function allocationsFromFlowsSql(d: SqlDialect): string {
  return `SELECT financial_year, icb_code, service_code,
       sum(provider_basis_spend) AS provider_basis_spend, sum(population_basis_spend) AS population_basis_spend
FROM (
  SELECT financial_year, provider_icb AS icb_code, service_code,
         spend AS provider_basis_spend, ${d.money('0')} AS population_basis_spend
  ${RUN_FLOWS(d)}
  UNION ALL
  SELECT financial_year, resident_icb AS icb_code, service_code,
         ${d.money('0')} AS provider_basis_spend, spend AS population_basis_spend
  ${RUN_FLOWS(d)}
) placed
GROUP BY financial_year, icb_code, service_code`;
}

/** Columns: financial_year, icb_code, service_code, population_basis_spend, out_of_area_spend,
 * out_of_area_share. UNALLOCATED has no population of its own, so no share. */
export function outOfAreaSharesFromFlowsSql(d: SqlDialect): string {
  const outside = `sum(CASE WHEN provider_icb <> resident_icb THEN spend ELSE ${d.money('0')} END)`;
  return `SELECT financial_year, resident_icb AS icb_code, service_code,
       sum(spend) AS population_basis_spend, ${outside} AS out_of_area_spend,
       ${share(d, outside, 'sum(spend)')} AS out_of_area_share
${RUN_FLOWS(d)} AND resident_icb <> '${UNALLOCATED}'
GROUP BY financial_year, resident_icb, service_code`;
}

/** Columns: financial_year, provider_code, provider_icb, service_code, income, income_from_outside,
 * unallocated_income, share_from_outside. */
export function providerIncomeSharesFromFlowsSql(d: SqlDialect): string {
  const outside = `sum(CASE WHEN resident_icb <> provider_icb AND resident_icb <> '${UNALLOCATED}' THEN spend ELSE ${d.money('0')} END)`;
  return `SELECT financial_year, provider_code, provider_icb, service_code,
       sum(spend) AS income, ${outside} AS income_from_outside,
       sum(CASE WHEN resident_icb = '${UNALLOCATED}' THEN spend ELSE ${d.money('0')} END) AS unallocated_income,
       ${share(d, outside, 'sum(spend)')} AS share_from_outside
${RUN_FLOWS(d)}
GROUP BY financial_year, provider_code, provider_icb, service_code`;
}
