// The basis conversion's residence rule on ClickHouse 18.16: activity summed into cells on the shards, each
// cell's residence code resolved to its ICB in the vintage and its provider to its host ICB on the
// initiator, the unknown-residence rule applied — the same rule as flows-by-resident-icb-provider-service.ts.
// 18.16 allows one JOIN per SELECT, so the two look-ups nest; join_use_nulls = 1 (set by the engine) makes a
// missing match NULL, as a LEFT JOIN does in DuckDB. Joined subqueries carry aliases (required by current
// ClickHouse releases, accepted by 18.16). Output names differ from input names because ClickHouse
// substitutes aliases everywhere in a SELECT (`sum(activity) AS activity` would nest the aggregate).
import { UNALLOCATED } from '../../../core/basis/index.ts';
import type { GeographyVintage } from '../../../core/geography/vintage.ts';
import { geographyColumns } from '../geography-columns.ts';

export interface CellQuestion {
  /** Database holding the tables; an identifier checked by the engine. */
  database: string;
  vintage: GeographyVintage;
  datasetParam: number;
  ruleParam: number;
  /** Restrict to one financial year bound here. */
  yearParam?: number;
  /** Keep the point of delivery in the cells. */
  byPod?: boolean;
}

/** Columns: financial_year, resident_icb, residence_known (0/1), provider_code, provider_icb, service_code,
 * [pod,] cell_rows, cell_activity, cell_spend (Decimal). Not grouped after resolution: callers sum. */
export function resolvedCellsSql(q: CellQuestion): string {
  const g = geographyColumns(q.vintage);
  const db = q.database;
  const pod = q.byPod ? ', pod' : '';
  const year = q.yearParam === undefined ? '' : ` AND financial_year = $${q.yearParam}`;
  return `SELECT financial_year,
       ifNull(cell_residence_icb, if($${q.ruleParam} = 'unallocated', '${UNALLOCATED}', provider_icb)) AS resident_icb,
       if(isNull(cell_residence_icb), 0, 1) AS residence_known,
       provider_code, provider_icb, service_code${pod}, cell_rows, cell_activity, cell_spend
FROM (
  SELECT *, ifNull(cell_host_icb, '${UNALLOCATED}') AS provider_icb
  FROM (
    SELECT *
    FROM (
      SELECT financial_year, residence_code, provider_code, service_code${pod},
             count() AS cell_rows, sum(activity) AS cell_activity, sum(cost) AS cell_spend
      FROM ${db}.activity
      WHERE dataset = $${q.datasetParam}${year}
      GROUP BY financial_year, residence_code, provider_code, service_code${pod}
    ) AS cells
    ANY LEFT JOIN (SELECT code AS residence_code, ${g.residenceIcb} AS cell_residence_icb FROM ${db}.residence_map) AS residence
    USING residence_code
  ) AS resident
  ANY LEFT JOIN (SELECT provider_code, ${g.providerHostIcb} AS cell_host_icb FROM ${db}.provider) AS host
  USING provider_code
)`;
}
