// Reading the stored atlas of variation for the API and the command line: rates by ICB (with names), the
// spread across ICBs by year, a funnel's limit table, peer groups and what the atlas rests on. Filters are
// bound values, never spliced into SQL.
import type { AtlasRateRow, AtlasVariationRow, FunnelLimitRow } from '../../core/variation/atlas-rows.ts';
import type { Workspace } from '../workspace.ts';

export type { AtlasRateRow, AtlasVariationRow, FunnelLimitRow };

export interface AtlasFilter {
  year?: string;
  service?: string;
  measure?: string;
  icb?: string;
  /** Only ICBs labelled High or Low against England. */
  outliersOnly?: boolean;
}

export interface AtlasRunRow {
  dataset: string;
  vintage: string;
  runAt: string;
  populationSource: string;
  standardPopulation: string;
  peerRule: string;
  needYear: string | null;
  engine: string;
  methodVersion: string;
  cellsRead: number;
  unknownResidenceActivity: number;
  unknownAgeSexActivity: number;
  seconds: number;
  computedAt: string;
}

/** The latest name of each service code. */
const SERVICE_NAMES = `(SELECT service_code, arg_max(name, catalogue_version) AS name FROM service GROUP BY service_code)`;

export async function readAtlasRates(
  ws: Workspace,
  dataset: string,
  filter: AtlasFilter = {},
): Promise<AtlasRateRow[]> {
  return ws.all<AtlasRateRow>(
    `SELECT r.financial_year AS "financialYear", r.service_code AS "serviceCode", COALESCE(s.name, r.service_code) AS "serviceName",
            r.icb_code AS "icbCode", COALESCE(i.name, r.icb_code) AS "icbName", r.measure, r.events,
            r.standardised_events AS "standardisedEvents", r.population,
            r.crude_rate AS "crudeRate", r.crude_lower95 AS "crudeLower95", r.crude_upper95 AS "crudeUpper95",
            r.crude_lower998 AS "crudeLower998", r.crude_upper998 AS "crudeUpper998", r.crude_method AS "crudeMethod",
            r.standardised_rate AS "standardisedRate", r.standardised_lower95 AS "standardisedLower95",
            r.standardised_upper95 AS "standardisedUpper95", r.standardised_lower998 AS "standardisedLower998",
            r.standardised_upper998 AS "standardisedUpper998", r.standardised_method AS "standardisedMethod",
            r.standardised_note AS "standardisedNote", r.significance,
            r.significance_overdispersed AS "significanceOverdispersed", r.funnel_population AS "funnelPopulation",
            r.previous_standardised_rate AS "previousStandardisedRate", r.change_since_previous AS "changeSincePrevious",
            r.peer_mean_rate AS "peerMeanRate", r.peer_rank AS "peerRank"
     FROM atlas_rate r
     LEFT JOIN ${SERVICE_NAMES} s ON s.service_code = r.service_code
     LEFT JOIN icb i ON i.vintage = '2026' AND i.icb_code = r.icb_code
     WHERE r.dataset = $1 AND ($2 IS NULL OR r.financial_year = $2) AND ($3 IS NULL OR r.service_code = $3)
       AND ($4 IS NULL OR r.measure = $4) AND ($5 IS NULL OR r.icb_code = $5)
       AND (NOT $6 OR r.significance LIKE 'High%' OR r.significance LIKE 'Low%')
     ORDER BY r.financial_year, r.service_code, r.measure, r.icb_code`,
    [
      dataset,
      filter.year ?? null,
      filter.service ?? null,
      filter.measure ?? null,
      filter.icb ?? null,
      filter.outliersOnly ?? false,
    ],
  );
}

export async function readAtlasVariation(
  ws: Workspace,
  dataset: string,
  filter: AtlasFilter = {},
): Promise<AtlasVariationRow[]> {
  return ws.all<AtlasVariationRow>(
    `SELECT v.financial_year AS "financialYear", v.service_code AS "serviceCode", COALESCE(s.name, v.service_code) AS "serviceName",
            v.measure, v.icbs, v.england_events AS "englandEvents", v.england_population AS "englandPopulation",
            v.england_crude_rate AS "englandCrudeRate", v.funnel_baseline AS "funnelBaseline", v.mean_rate AS "meanRate",
            v.sd_rate AS "sdRate", v.cv, v.q1_rate AS "q1Rate", v.median_rate AS "medianRate", v.q3_rate AS "q3Rate", v.iqr,
            v.previous_cv AS "previousCv", v.cv_change AS "cvChange", v.narrowing, v.high_998 AS "high998",
            v.high_95 AS "high95", v.low_95 AS "low95", v.low_998 AS "low998", v.tau2
     FROM atlas_variation v LEFT JOIN ${SERVICE_NAMES} s ON s.service_code = v.service_code
     WHERE v.dataset = $1 AND ($2 IS NULL OR v.financial_year = $2) AND ($3 IS NULL OR v.service_code = $3)
       AND ($4 IS NULL OR v.measure = $4)
     ORDER BY v.service_code, v.measure, v.financial_year`,
    [dataset, filter.year ?? null, filter.service ?? null, filter.measure ?? null],
  );
}

export async function readFunnelLimits(
  ws: Workspace,
  dataset: string,
  key: { year: string; service: string; measure: string },
): Promise<FunnelLimitRow[]> {
  return ws.all<FunnelLimitRow>(
    `SELECT point, events, lower95_population AS "lower95Population", lower95_rate AS "lower95Rate",
            upper95_population AS "upper95Population", upper95_rate AS "upper95Rate",
            lower998_population AS "lower998Population", lower998_rate AS "lower998Rate",
            upper998_population AS "upper998Population", upper998_rate AS "upper998Rate"
     FROM atlas_funnel_limit
     WHERE dataset = $1 AND financial_year = $2 AND service_code = $3 AND measure = $4 ORDER BY point`,
    [dataset, key.year, key.service, key.measure],
  );
}

export async function readAtlasRun(ws: Workspace, dataset: string): Promise<AtlasRunRow | undefined> {
  return ws.one<AtlasRunRow>(
    `SELECT dataset, vintage, strftime(run_at, '%Y-%m-%dT%H:%M:%SZ') AS "runAt", population_source AS "populationSource",
            standard_population AS "standardPopulation", peer_rule AS "peerRule", need_year AS "needYear", engine,
            method_version AS "methodVersion", CAST(cells_read AS DOUBLE) AS "cellsRead",
            unknown_residence_activity AS "unknownResidenceActivity", unknown_age_sex_activity AS "unknownAgeSexActivity",
            seconds, strftime(computed_at, '%Y-%m-%dT%H:%M:%SZ') AS "computedAt"
     FROM atlas_run WHERE dataset = $1`,
    [dataset],
  );
}

/** The service with the most activity in England in the year: the atlas page's first choice. */
export async function readBusiestAtlasService(
  ws: Workspace,
  dataset: string,
  year: string,
): Promise<string | undefined> {
  const busiest = await ws.one<{ code: string }>(
    `SELECT service_code AS code FROM atlas_variation WHERE dataset = $1 AND financial_year = $2 AND measure = 'activity'
     ORDER BY england_events DESC LIMIT 1`,
    [dataset, year],
  );
  return busiest?.code;
}

export async function readPeers(ws: Workspace, dataset: string, icb: string) {
  return ws.all<{ peerIcb: string; peerName: string; nearness: number; needIndex: number; peerNeedIndex: number }>(
    `SELECT p.peer_icb AS "peerIcb", COALESCE(i.name, p.peer_icb) AS "peerName", p.nearness, p.need_index AS "needIndex",
            p.peer_need_index AS "peerNeedIndex"
     FROM atlas_peer p LEFT JOIN icb i ON i.vintage = '2026' AND i.icb_code = p.peer_icb
     WHERE p.dataset = $1 AND p.icb_code = $2 ORDER BY p.nearness`,
    [dataset, icb],
  );
}

/** The years and services the stored atlas holds, for filters. */
export async function readAtlasChoices(ws: Workspace, dataset: string) {
  const years = await ws.all<{ year: string }>(
    'SELECT DISTINCT financial_year AS year FROM atlas_variation WHERE dataset = $1 ORDER BY year',
    [dataset],
  );
  const services = await ws.all<{ code: string; name: string }>(
    `SELECT DISTINCT v.service_code AS code, COALESCE(s.name, v.service_code) AS name
     FROM atlas_variation v LEFT JOIN ${SERVICE_NAMES} s ON s.service_code = v.service_code
     WHERE v.dataset = $1 ORDER BY name`,
    [dataset],
  );
  return { years: years.map((y) => y.year), services };
}
