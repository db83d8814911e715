// The wiring diagram for a footprint: for every current service, who leads at national, multi-ICB, ICB and
// place level (src/core/wiring/wiring-levels.ts), from the commissioning model recorded for the service and
// footprint (migration 004's commissioning_model, when the workspace has it) or else derived from the
// services catalogue's highly-specialised and delegation flags.

import { listValue } from '@duckdb/node-api';
import { type CommissioningModel, type Wiring, wiringLevels } from '../../core/wiring/wiring-levels.ts';
import { type FootprintChoice, resolveFootprint } from '../places/resolve-footprint.ts';
import type { Workspace } from '../workspace.ts';
import { listNetworks } from './networks.ts';

export interface ServiceWiring extends Wiring {
  serviceCode: string;
  serviceName: string;
}

export interface FootprintWiring {
  footprint: { name: string; kind: string; icbs: string[] };
  financialYear: string | null;
  services: ServiceWiring[];
}

async function recordedModels(
  ws: Workspace,
  footprint: string,
  year: string | null,
): Promise<Map<string, { model: CommissioningModel; lead: string | null }>> {
  const table = await ws.one<{ n: number }>(
    "SELECT CAST(count(*) AS INTEGER) AS n FROM duckdb_tables() WHERE table_name = 'commissioning_model'",
  );
  if (!table?.n) return new Map();
  const rows = await ws.all<{ service: string; model: CommissioningModel; lead: string | null }>(
    `SELECT service_code AS service, arg_max(model, financial_year) AS model, arg_max(lead, financial_year) AS lead
     FROM commissioning_model
     WHERE lower(footprint_name) = lower($1) AND ($2::VARCHAR IS NULL OR financial_year <= $2)
     GROUP BY service_code`,
    [footprint, year],
  );
  return new Map(rows.map((r) => [r.service, { model: r.model, lead: r.lead }]));
}

export async function footprintWiring(
  ws: Workspace,
  choice: FootprintChoice & { year?: string | null; service?: string },
): Promise<FootprintWiring> {
  const footprint = await resolveFootprint(ws, choice);
  const year = choice.year ?? null;
  const icbNames = await ws.all<{ name: string }>(
    "SELECT name FROM icb WHERE vintage = '2026' AND list_contains($1::VARCHAR[], icb_code) ORDER BY name",
    [listValue(footprint.codes)],
  );
  const places = await ws.one<{ n: number }>(
    `SELECT CAST(count(DISTINCT icb_code || ':' || coalesce(lad_code, '')) AS INTEGER) AS n FROM gp_practice
     WHERE list_contains($1::VARCHAR[], icb_code)`,
    [listValue(footprint.codes)],
  );
  // The delegation flag of the latest year up to the one asked for (the catalogue has 2023/24 and 2025/26).
  const services = await ws.all<{ code: string; name: string; hss: boolean | null; delegated: boolean | null }>(
    `SELECT s.service_code AS code, s.name, s.highly_specialised AS hss,
            (SELECT arg_max(d.delegated, d.financial_year) FROM service_delegation d
             WHERE d.service_code = s.service_code AND d.catalogue_version = s.catalogue_version
               AND ($1::VARCHAR IS NULL OR d.financial_year <= $1)) AS delegated
     FROM service s WHERE s.is_current AND ($2::VARCHAR IS NULL OR s.service_code = $2)
     ORDER BY s.name`,
    [year, choice.service ?? null],
  );
  const recorded = await recordedModels(ws, footprint.name, year);
  const networks = await listNetworks(ws);
  return {
    footprint: { name: footprint.name, kind: footprint.kind, icbs: footprint.codes },
    financialYear: year,
    services: services.map((s) => ({
      serviceCode: s.code,
      serviceName: s.name,
      ...wiringLevels({
        footprintName: footprint.name,
        icbNames: icbNames.map((i) => i.name),
        highlySpecialised: s.hss,
        delegated: s.delegated,
        recorded: recorded.get(s.code) ?? null,
        networks: networks
          .filter((n) => n.services.includes(s.code) && n.icbs.some((icb) => footprint.codes.includes(icb)))
          .map((n) => n.name),
        placeCount: places?.n ?? 0,
      }),
    })),
  };
}
