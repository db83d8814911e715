// The allocations report's questions, over a stored run ($1 dataset, $2 vintage). ICB rows read the stored
// allocation and out-of-area tables; region and footprint rows sum member ICBs from the stored flows, where
// "out of area" means at providers hosted outside the whole region or footprint.
import type { SqlDialect } from './sql-dialect.ts';

export interface ReportFilter {
  /** Bound at $3 when given. */
  year?: string;
  /** Bound at $4 (or $3 when there is no year) when given. */
  icb?: string;
}

/** Binds the optional filters after $1 dataset and $2 vintage; returns the SQL conditions and params. */
export function filterClauses(
  d: SqlDialect,
  filter: ReportFilter,
  columns: { year: string; icb: string[] },
): { where: string; params: string[] } {
  const params: string[] = [];
  const where: string[] = [];
  if (filter.year !== undefined) {
    params.push(filter.year);
    where.push(`${columns.year} = ${d.param(2 + params.length)}`);
  }
  if (filter.icb !== undefined) {
    params.push(filter.icb);
    const p = d.param(2 + params.length);
    where.push(`(${columns.icb.map((c) => `${c} = ${p}`).join(' OR ')})`);
  }
  return { where: where.map((w) => ` AND ${w}`).join(''), params };
}

/** Columns: financial_year, icb, service, provider_basis_spend, population_basis_spend, out_of_area_spend,
 * out_of_area_share. */
export function icbAllocationsSql(d: SqlDialect, filter: ReportFilter): { sql: string; params: string[] } {
  const f = filterClauses(d, filter, { year: 'a.financial_year', icb: ['a.icb_code'] });
  return {
    sql: `SELECT a.financial_year AS financial_year, a.icb_code AS icb, a.service_code AS service,
       a.provider_basis_spend, a.population_basis_spend, o.out_of_area_spend, o.out_of_area_share
FROM allocation a
LEFT JOIN out_of_area_share o
  ON o.dataset = a.dataset AND o.vintage = a.vintage AND o.financial_year = a.financial_year
 AND o.icb_code = a.icb_code AND o.service_code = a.service_code
WHERE a.dataset = ${d.param(1)} AND a.vintage = ${d.param(2)}${f.where}
ORDER BY financial_year, icb, service`,
    params: f.params,
  };
}

/** Columns: financial_year, area, service, provider_basis_spend, population_basis_spend, out_of_area_spend,
 * out_of_area_share. `membership` is a relation (area, icb_code) naming each area's ICBs; a flow counts on
 * provider basis for the area holding its provider's ICB and on population basis for the area holding its
 * resident ICB. */
export function areaAllocationsSql(
  d: SqlDialect,
  membership: string,
  year?: string,
): { sql: string; params: string[] } {
  const f = filterClauses(d, { year }, { year: 'f.financial_year', icb: [] });
  const zero = d.money('0');
  return {
    sql: `SELECT financial_year, area, service, sum(provider_basis_spend) AS provider_basis_spend,
       sum(population_basis_spend) AS population_basis_spend, sum(out_of_area_spend) AS out_of_area_spend,
       CASE WHEN sum(population_basis_spend) = 0 THEN NULL
            ELSE ${d.float('sum(out_of_area_spend)')} / ${d.float('sum(population_basis_spend)')} END
         AS out_of_area_share
FROM (
  SELECT f.financial_year AS financial_year, p.area AS area, f.service_code AS service,
         f.spend AS provider_basis_spend, ${zero} AS population_basis_spend, ${zero} AS out_of_area_spend
  FROM flow f JOIN (${membership}) p ON p.icb_code = f.provider_icb
  WHERE f.dataset = ${d.param(1)} AND f.vintage = ${d.param(2)}${f.where}
  UNION ALL
  SELECT f.financial_year, r.area, f.service_code, ${zero}, sum(f.spend),
         sum(CASE WHEN p.area IS NULL THEN f.spend ELSE ${zero} END)
  FROM flow f JOIN (${membership}) r ON r.icb_code = f.resident_icb
  LEFT JOIN (${membership}) p ON p.icb_code = f.provider_icb AND p.area = r.area
  WHERE f.dataset = ${d.param(1)} AND f.vintage = ${d.param(2)}${f.where}
  GROUP BY f.financial_year, r.area, f.service_code
) placed
GROUP BY financial_year, area, service
ORDER BY financial_year, area, service`,
    params: f.params,
  };
}
