// One service's England spend in every year the run holds, with spend per registered patient.
import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE } from '../../core/geography/vintage.ts';
import { type ServiceTrend, serviceTrendYears } from '../../core/services/service-trend.ts';
import type { Workspace } from '../workspace.ts';
import { icbComparison } from './icb-comparison.ts';
import { icbPopulationSql } from './icb-population.ts';

const VINTAGE = DEFAULT_VINTAGE;

export async function serviceTrend(
  ws: Workspace,
  dataset: string | null,
  code: string,
  icbCode?: string,
): Promise<ServiceTrend> {
  const service = await ws.one<{ code: string; name: string }>(
    'SELECT service_code AS code, name FROM service WHERE is_current AND service_code = $1',
    [code],
  );
  if (!service)
    fail('FP_HTTP_NOT_FOUND', `There is no current service with the code ${JSON.stringify(code)}.`, {
      where: { parameter: 'code' },
      received: code,
      accepted: 'a service line code from GET /api/services',
    });
  const spend = dataset
    ? await ws.all<{ financialYear: string; spend: number }>(
        `SELECT financial_year AS "financialYear", CAST(sum(population_basis_spend) AS DOUBLE) AS spend
           FROM allocation WHERE dataset = $1 AND vintage = $2 AND service_code = $3 GROUP BY 1`,
        [dataset, VINTAGE, code],
      )
    : [];
  const population =
    (
      await ws.one<{ population: number }>(
        `SELECT CAST(coalesce(sum(population), 0) AS DOUBLE) AS population FROM (${icbPopulationSql(VINTAGE)})`,
      )
    )?.population ?? 0;
  const comparison = icbCode ? await icbComparison(ws, dataset, icbCode, { service: code }) : null;
  return { service, population, years: serviceTrendYears(spend, population), comparison };
}
