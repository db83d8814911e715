// The services catalogue: whether a code is a current service, the current services with delegation by
// year, and each service's national figures for one year: spend (population basis = provider basis
// nationally), patients (summed from the activity rows that carry them), activity and the number of
// providers with spend.

import type { ServiceRow } from '../../core/services/service-answers.ts';
import type { Workspace } from '../workspace.ts';

/** Whether the code is a service of the current catalogue (the check every entry naming a service makes). */
export async function isCurrentService(ws: Workspace, code: string): Promise<boolean> {
  return (await ws.one('SELECT 1 AS x FROM service WHERE is_current AND service_code = $1', [code])) !== undefined;
}

export interface CurrentService {
  serviceCode: string;
  name: string;
  programmeOfCare: string | null;
  crgCode: string | null;
  highlySpecialised: boolean | null;
  catalogueVersion: number;
  source: string;
  delegated2023: boolean | null;
  delegated2024: boolean | null;
  delegated2025: boolean | null;
}

/** The current catalogue, with delegation by year (null = unknown or not given). */
export async function listCurrentServices(ws: Workspace): Promise<CurrentService[]> {
  return ws.all<CurrentService>(`
    SELECT s.service_code AS "serviceCode", s.name, s.programme_of_care AS "programmeOfCare", s.crg_code AS "crgCode",
      s.highly_specialised AS "highlySpecialised", s.catalogue_version AS "catalogueVersion", s.source,
      max(CASE WHEN d.financial_year = '2023/24' THEN d.delegated END) AS "delegated2023",
      max(CASE WHEN d.financial_year = '2024/25' THEN d.delegated END) AS "delegated2024",
      max(CASE WHEN d.financial_year = '2025/26' THEN d.delegated END) AS "delegated2025"
    FROM service s
    LEFT JOIN service_delegation d ON d.service_code = s.service_code AND d.catalogue_version = s.catalogue_version
    WHERE s.is_current
    GROUP BY ALL
    ORDER BY s.service_code`);
}

export interface CatalogueFilter {
  /** Case-insensitive text found in the code or name. */
  q?: string;
  /** Exact programme of care. */
  programme?: string;
  /** Exactly one service code. */
  code?: string;
}

export async function servicesCatalogue(
  ws: Workspace,
  run: { dataset: string | null; vintage: string; year: string | null },
  filter: CatalogueFilter = {},
): Promise<ServiceRow[]> {
  return ws.all<ServiceRow>(
    `WITH flows AS (
       SELECT service_code, sum(spend) AS spend, sum(activity) AS activity,
              count(DISTINCT CASE WHEN spend <> 0 THEN provider_code END) AS providers
         FROM flow WHERE dataset = $1 AND vintage = $2 AND financial_year = $3 GROUP BY service_code
     ), patients AS (
       SELECT service_code, sum(patients) AS patients
         FROM activity WHERE dataset = $1 AND financial_year = $3 GROUP BY service_code
     )
     SELECT s.service_code AS code, s.name, s.programme_of_care AS programme, s.highly_specialised AS "highlySpecialised",
            d23.delegated AS "delegated2023", d25.delegated AS "delegated2025",
            CAST(coalesce(f.spend, 0) AS DOUBLE) AS "nationalSpend", CAST(p.patients AS DOUBLE) AS patients,
            CAST(coalesce(f.activity, 0) AS DOUBLE) AS activity, CAST(coalesce(f.providers, 0) AS INTEGER) AS providers
       FROM service s
       LEFT JOIN service_delegation d23 ON d23.service_code = s.service_code
            AND d23.catalogue_version = s.catalogue_version AND d23.financial_year = '2023/24'
       LEFT JOIN service_delegation d25 ON d25.service_code = s.service_code
            AND d25.catalogue_version = s.catalogue_version AND d25.financial_year = '2025/26'
       LEFT JOIN flows f ON f.service_code = s.service_code
       LEFT JOIN patients p ON p.service_code = s.service_code
      WHERE s.is_current
        AND ($4::VARCHAR IS NULL OR contains(lower(s.service_code || ' ' || s.name), lower($4::VARCHAR)))
        AND ($5::VARCHAR IS NULL OR s.programme_of_care = $5::VARCHAR)
        AND ($6::VARCHAR IS NULL OR upper(s.service_code) = upper($6::VARCHAR))
      ORDER BY s.service_code`,
    [run.dataset, run.vintage, run.year, filter.q ?? null, filter.programme ?? null, filter.code ?? null],
  );
}
