// The reference report: how much reference data the workspace holds, per geography vintage where that
// applies, so a user can see what was loaded.
import type { SqlDialect } from './sql-dialect.ts';

/** Columns: item, vintage, count. Population is the sum of persons over ICBs for each population source. */
export function referenceCountsSql(d: SqlDialect): string {
  const n = d.float('count(*)');
  return `SELECT item, vintage, count FROM (
  SELECT 1 AS o, 'Regions' AS item, vintage, ${n} AS count FROM region GROUP BY vintage
  UNION ALL SELECT 2, 'ICBs', vintage, ${n} FROM icb GROUP BY vintage
  UNION ALL SELECT 3, 'Sub-ICB locations', vintage, ${n} FROM sub_icb GROUP BY vintage
  UNION ALL SELECT 4, 'Residence codes', NULL, ${n} FROM residence_map
  UNION ALL SELECT 5, 'GP practices', NULL, ${n} FROM gp_practice
  UNION ALL SELECT 6, 'Providers', NULL, ${n} FROM provider
  UNION ALL SELECT 7, 'Services (current catalogue)', NULL, ${n} FROM service WHERE is_current
  UNION ALL SELECT 8, 'Footprints', NULL, ${n} FROM footprint
  UNION ALL SELECT 9, 'Population (' || source || ')', NULL, ${d.float('sum(persons)')}
            FROM population WHERE area_type = 'icb' GROUP BY source
) counts
ORDER BY o, item, vintage`;
}
