// The money-conservation check of a run ($1 dataset, $2 vintage): for every year and service, the input
// cost the run read, the provider-basis total and the population-basis total must be equal to the penny.
// Returns only the year × service pairs that disagree (none when money is conserved).
import type { SqlDialect } from './sql-dialect.ts';

/** Columns: financial_year, service_code, input_cost, provider_basis_total, population_basis_total
 * (money; NULL where a side has no row). */
export function basisConservationFailuresSql(d: SqlDialect): string {
  const run = `dataset = ${d.param(1)} AND vintage = ${d.param(2)}`;
  return `SELECT COALESCE(t.financial_year, a.financial_year) AS financial_year,
       COALESCE(t.service_code, a.service_code) AS service_code,
       t.cost AS input_cost, a.provider_basis_total, a.population_basis_total
FROM (SELECT financial_year, service_code, cost FROM run_total WHERE ${run}) t
FULL OUTER JOIN (
  SELECT financial_year, service_code,
         sum(provider_basis_spend) AS provider_basis_total, sum(population_basis_spend) AS population_basis_total
  FROM allocation WHERE ${run}
  GROUP BY financial_year, service_code
) a ON a.financial_year = t.financial_year AND a.service_code = t.service_code
WHERE t.cost IS NULL OR a.provider_basis_total IS NULL
   OR t.cost <> a.provider_basis_total OR t.cost <> a.population_basis_total
ORDER BY financial_year, service_code`;
}
