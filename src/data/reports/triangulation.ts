// The triangulation report for one footprint (an ICB, a group of ICBs or a region) from the stored
// population-basis flows of the 2026 geography: per service, where the footprint's residents are treated,
// where its providers' patients come from, the partner ICBs that share the pathway materially, the
// networks involved, and a classification (src/core/triangulation/triangulate.ts).
import { listValue } from '@duckdb/node-api';
import {
  DEFAULT_MATERIALITY,
  type ServiceTriangulation,
  summariseTriangulation,
  type TriangulationPartner,
  triangulate,
} from '../../core/triangulation/triangulate.ts';
import type { Table } from '../export/table.ts';
import { listNetworks } from '../networks/networks.ts';
import { resolveFootprint } from '../places/resolve-footprint.ts';
import type { RunMeta } from '../queries/run-context.ts';
import type { Workspace } from '../workspace.ts';
import { type ReportOptions, reportRun } from './report-context.ts';

export interface TriangulationOptions extends ReportOptions {
  /** Materiality threshold, a share (default 0.05). */
  threshold?: number;
}

export interface NamedPartner extends TriangulationPartner {
  name: string;
}

export interface TriangulationRow extends Omit<ServiceTriangulation, 'partners'> {
  serviceName: string;
  partners: NamedPartner[];
  networks: string[];
}

export interface TriangulationResult {
  footprint: { name: string; kind: string; icbs: { code: string; name: string; regionCode: string }[] };
  run: RunMeta;
  financialYear: string | null;
  threshold: number;
  rows: TriangulationRow[];
  summary: ReturnType<typeof summariseTriangulation>;
}

export async function triangulationFor(ws: Workspace, options: TriangulationOptions): Promise<TriangulationResult> {
  const threshold = options.threshold ?? DEFAULT_MATERIALITY;
  const footprint = await resolveFootprint(ws, options);
  const run = await reportRun(ws, { dataset: options.dataset });
  const icbs = await ws.all<{ code: string; name: string; regionCode: string }>(
    `SELECT icb_code AS code, name, region_code AS "regionCode" FROM icb WHERE vintage = '2026' ORDER BY icb_code`,
  );
  const year =
    options.year ??
    (
      await ws.one<{ year: string | null }>(
        "SELECT max(financial_year) AS year FROM flow WHERE dataset = $1 AND vintage = '2026'",
        [run.dataset],
      )
    )?.year ??
    null;
  const flows = await ws.all<{
    serviceCode: string;
    residentIcb: string;
    providerIcb: string;
    providerCode: string;
    spend: number;
  }>(
    `SELECT service_code AS "serviceCode", resident_icb AS "residentIcb", provider_icb AS "providerIcb",
            provider_code AS "providerCode", CAST(sum(spend) AS DOUBLE) AS spend
     FROM flow
     WHERE dataset = $1 AND vintage = '2026' AND financial_year = $2
       AND (list_contains($3::VARCHAR[], resident_icb) OR list_contains($3::VARCHAR[], provider_icb))
     GROUP BY ALL`,
    [run.dataset, year ?? '', listValue(footprint.codes)],
  );
  const core = triangulate({
    footprintIcbs: new Set(footprint.codes),
    icbRegion: new Map(icbs.map((i) => [i.code, i.regionCode])),
    flows,
    threshold,
  });
  const names = new Map(icbs.map((i) => [i.code, i.name]));
  const services = new Map(
    (
      await ws.all<{ code: string; name: string }>(
        'SELECT service_code AS code, any_value(name) AS name FROM service WHERE is_current GROUP BY service_code',
      )
    ).map((s) => [s.code, s.name]),
  );
  const networks = await listNetworks(ws);
  const rows = core.map((row): TriangulationRow => {
    const touched = new Set([...footprint.codes, ...row.partners.map((p) => p.icb)]);
    return {
      ...row,
      serviceName: services.get(row.serviceCode) ?? row.serviceCode,
      partners: row.partners.map((p) => ({ ...p, name: names.get(p.icb) ?? p.icb })),
      networks: networks
        .filter((n) => n.services.includes(row.serviceCode) && n.icbs.some((icb) => touched.has(icb)))
        .map((n) => n.name),
    };
  });
  return {
    footprint: {
      name: footprint.name,
      kind: footprint.kind,
      icbs: icbs.filter((i) => footprint.codes.includes(i.code)),
    },
    run,
    financialYear: year,
    threshold,
    rows,
    summary: summariseTriangulation(core),
  };
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The services table (one row per service) and the summary table, as every export writes them. */
export function triangulationTables(result: TriangulationResult): { services: Table; summary: Table } {
  return {
    services: {
      name: 'Triangulation',
      columns: [
        { key: 'service', header: 'Service code', kind: 'text' },
        { key: 'serviceName', header: 'Service', kind: 'text' },
        { key: 'classification', header: 'Classification', kind: 'text' },
        { key: 'residentSpend', header: "Footprint population's spend (£)", kind: 'money' },
        { key: 'insideShare', header: 'Treated inside the footprint', kind: 'share' },
        { key: 'otherIcbShare', header: 'Treated in another ICB of the region', kind: 'share' },
        { key: 'otherRegionShare', header: 'Treated across a regional boundary', kind: 'share' },
        { key: 'providerIncome', header: "Footprint providers' income (£)", kind: 'money' },
        { key: 'incomeOtherIcbShare', header: 'Income from other ICBs of the region', kind: 'share' },
        { key: 'incomeOtherRegionShare', header: 'Income from other regions', kind: 'share' },
        { key: 'partners', header: 'Partner ICBs', kind: 'text' },
        { key: 'partnerDetail', header: 'Partners (share of spend out / income in)', kind: 'text' },
        { key: 'networks', header: 'Networks involved', kind: 'text' },
      ],
      rows: result.rows.map((r) => ({
        service: r.serviceCode,
        serviceName: r.serviceName,
        classification: r.classification,
        residentSpend: r.residentSpend,
        insideShare: r.insideShare,
        otherIcbShare: r.otherIcbShare,
        otherRegionShare: r.otherRegionShare,
        providerIncome: r.providerIncome,
        incomeOtherIcbShare: r.incomeOtherIcbShare,
        incomeOtherRegionShare: r.incomeOtherRegionShare,
        partners: r.partners.map((p) => p.icb).join('; '),
        partnerDetail: r.partners
          .map(
            (p) =>
              `${p.name} (${percent(p.outflowShare)} out / ${percent(p.inflowShare)} in${p.acrossRegion ? ', other region' : ''})`,
          )
          .join('; '),
        networks: r.networks.join('; '),
      })),
    },
    summary: {
      name: 'Summary',
      columns: [
        { key: 'classification', header: 'Classification', kind: 'text' },
        { key: 'services', header: 'Services', kind: 'number' },
        { key: 'residentSpend', header: "Footprint population's spend (£)", kind: 'money' },
      ],
      rows: result.summary.map((s) => ({ ...s })),
    },
  };
}

export async function triangulationReport(
  ws: Workspace,
  options: TriangulationOptions,
): Promise<{ table: Table; meta: object }> {
  const result = await triangulationFor(ws, options);
  return {
    table: triangulationTables(result).services,
    meta: {
      ...result.run,
      footprint: result.footprint.name,
      icbs: result.footprint.icbs.map((i) => i.code),
      financialYear: result.financialYear,
      materialityThreshold: result.threshold,
      summary: result.summary,
    },
  };
}
