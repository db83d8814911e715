// The allocations report: per year, area and service, spend on provider basis and on population basis and
// the out-of-area share. Areas are ICBs (default), regions (byRegion) or one footprint's member ICBs.
import { fail } from '../../core/errors.ts';
import { duckdbDialect as d } from '../engines/duckdb.ts';
import type { Table, TableColumn, TableRow } from '../export/table.ts';
import { areaAllocationsSql, icbAllocationsSql } from '../queries/allocations-report.ts';
import type { RunMeta } from '../queries/run-context.ts';
import type { Workspace } from '../workspace.ts';
import { checkFootprint } from './check-footprint.ts';
import { type ReportOptions, reportRun } from './report-context.ts';
import { reportNames } from './report-names.ts';

const SPEND_COLUMNS: TableColumn[] = [
  { key: 'service', header: 'Service code', kind: 'text' },
  { key: 'serviceName', header: 'Service', kind: 'text' },
  { key: 'providerBasisSpend', header: 'Provider-basis spend', kind: 'money' },
  { key: 'populationBasisSpend', header: 'Population-basis spend', kind: 'money' },
  { key: 'outOfAreaSpend', header: 'Out-of-area spend', kind: 'money' },
  { key: 'outOfAreaShare', header: 'Out-of-area share', kind: 'share' },
];

interface AllocationRow {
  financial_year: string;
  icb?: string;
  area?: string;
  service: string;
  provider_basis_spend: number;
  population_basis_spend: number;
  out_of_area_spend: number | null;
  out_of_area_share: number | null;
}

export async function allocationsReport(
  ws: Workspace,
  options: ReportOptions,
): Promise<{ table: Table; meta: RunMeta & { area: string } }> {
  const areaOptions = [
    options.footprint !== undefined && '--footprint',
    options.byRegion && '--by-region',
    options.icb !== undefined && '--icb',
  ].filter((o): o is string => Boolean(o));
  if (areaOptions.length > 1) {
    fail('FP_CLI_BAD_OPTION', `${areaOptions.join(' and ')} cannot be used together: each chooses the areas.`, {
      where: { parameter: areaOptions[1] },
      received: areaOptions.join(' '),
      accepted: 'one of --icb, --footprint, --by-region',
    });
  }
  const meta = await reportRun(ws, options);
  const key = [meta.dataset, meta.vintage];
  let areaKey: 'icb' | 'region' | 'footprint' = 'icb';
  let query: { sql: string; params: string[] };
  if (options.footprint !== undefined) {
    areaKey = 'footprint';
    await checkFootprint(ws, options.footprint, meta.vintage);
    query = areaAllocationsSql(
      d,
      `SELECT footprint_name AS area, icb_code FROM footprint_member WHERE footprint_name = ${d.param(key.length + 1 + (options.year ? 1 : 0))}`,
      options.year,
    );
    query.params.push(options.footprint);
  } else if (options.byRegion) {
    areaKey = 'region';
    query = areaAllocationsSql(
      d,
      `SELECT region_code AS area, icb_code FROM icb WHERE vintage = ${d.param(2)}`,
      options.year,
    );
  } else {
    query = icbAllocationsSql(d, { year: options.year, icb: options.icb });
  }
  const rows = await ws.all<AllocationRow>(query.sql, [...key, ...query.params]);
  const names = await reportNames(ws, meta.vintage);
  const areaHeader = { icb: 'ICB', region: 'Region', footprint: 'Footprint' }[areaKey];
  // A footprint is already its name; ICBs and regions are codes, with the name beside.
  const areaName = areaKey === 'icb' ? names.icb : areaKey === 'region' ? names.region : null;
  return {
    meta: { ...meta, area: areaKey },
    table: {
      name: 'Allocations',
      columns: [
        { key: 'financialYear', header: 'Financial year', kind: 'text' },
        { key: areaKey, header: areaName ? `${areaHeader} code` : areaHeader, kind: 'text' },
        ...(areaName ? [{ key: `${areaKey}Name`, header: areaHeader, kind: 'text' as const }] : []),
        ...SPEND_COLUMNS,
      ],
      rows: rows.map(
        (r): TableRow => ({
          financialYear: r.financial_year,
          [areaKey]: r.icb ?? r.area ?? null,
          ...(areaName ? { [`${areaKey}Name`]: areaName(r.icb ?? r.area) } : {}),
          service: r.service,
          serviceName: names.service(r.service),
          providerBasisSpend: r.provider_basis_spend,
          populationBasisSpend: r.population_basis_spend,
          outOfAreaSpend: r.out_of_area_spend,
          outOfAreaShare: r.out_of_area_share,
        }),
      ),
    },
  };
}
