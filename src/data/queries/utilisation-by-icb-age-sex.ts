// The atlas of variation's one scan of activity: activity, patients and spend summed by year × the
// patient's ICB × service × age band × sex. Residence resolves through residence_map to the vintage's
// ICB; a blank or unmapped code stays NULL (the atlas counts it and leaves it out, as it has no
// population). Sex 'U' and blank both become NULL ("not known"), as does a blank age band.

import type { GeographyVintage } from '../../core/geography/vintage.ts';
import { geographyColumns } from './geography-columns.ts';
import type { SqlDialect } from './sql-dialect.ts';

/** Columns: financial_year, icb_code (NULL = residence not known), service_code, age_band, sex (M, F or
 * NULL), activity, patients, spend_pence, row_count. Binds the dataset at `datasetParam`. */
export function utilisationByIcbAgeSexSql(d: SqlDialect, vintage: GeographyVintage, datasetParam: number): string {
  const g = geographyColumns(vintage);
  return `SELECT a.financial_year AS financial_year, r.${g.residenceIcb} AS icb_code, a.service_code AS service_code,
       a.age_band AS age_band, CASE WHEN a.sex IN ('M', 'F') THEN a.sex END AS sex,
       ${d.float('sum(a.activity)')} AS activity, ${d.float('sum(a.patients)')} AS patients,
       ${d.pence('sum(a.cost)')} AS spend_pence, ${d.count('count(*)')} AS row_count
FROM activity a
LEFT JOIN residence_map r ON r.code = a.residence_code
WHERE a.dataset = ${d.param(datasetParam)}
GROUP BY a.financial_year, r.${g.residenceIcb}, a.service_code, a.age_band, CASE WHEN a.sex IN ('M', 'F') THEN a.sex END`;
}
