// The services report: national spend, activity and providers per service and year, with the catalogue's
// fields. Blank catalogue fields (highly specialised, delegated) are unknown, shown empty, never "no".
import { duckdbDialect as d } from '../engines/duckdb.ts';
import type { Table } from '../export/table.ts';
import type { RunMeta } from '../queries/run-context.ts';
import { servicesReportSql } from '../queries/services-report.ts';
import type { Workspace } from '../workspace.ts';
import { type ReportOptions, reportRun } from './report-context.ts';

interface ServiceReportRow {
  financial_year: string;
  service: string;
  name: string | null;
  programme_of_care: string | null;
  crg_code: string | null;
  highly_specialised: boolean | null;
  delegated: boolean | null;
  spend: number;
  activity: number;
  activity_rows: number;
  providers: number | null;
  unknown_residence_spend: number;
}

export async function servicesReport(ws: Workspace, options: ReportOptions): Promise<{ table: Table; meta: RunMeta }> {
  const meta = await reportRun(ws, options);
  const query = servicesReportSql(d, options.year);
  const rows = await ws.all<ServiceReportRow>(query.sql, [meta.dataset, meta.vintage, ...query.params]);
  return {
    meta,
    table: {
      name: 'Services',
      columns: [
        { key: 'financialYear', header: 'Financial year', kind: 'text' },
        { key: 'service', header: 'Service code', kind: 'text' },
        { key: 'name', header: 'Service', kind: 'text' },
        { key: 'programmeOfCare', header: 'Programme of care', kind: 'text' },
        { key: 'crgCode', header: 'CRG', kind: 'text' },
        { key: 'highlySpecialised', header: 'Highly specialised', kind: 'text' },
        { key: 'delegated', header: 'Delegated', kind: 'text' },
        { key: 'spend', header: 'National spend', kind: 'money' },
        { key: 'activity', header: 'Activity', kind: 'number' },
        { key: 'activityRows', header: 'Activity rows', kind: 'number' },
        { key: 'providers', header: 'Providers', kind: 'number' },
        { key: 'unknownResidenceSpend', header: 'Unknown-residence spend', kind: 'money' },
      ],
      rows: rows.map((r) => ({
        financialYear: r.financial_year,
        service: r.service,
        name: r.name,
        programmeOfCare: r.programme_of_care,
        crgCode: r.crg_code,
        highlySpecialised: r.highly_specialised,
        delegated: r.delegated,
        spend: r.spend,
        activity: r.activity,
        activityRows: r.activity_rows,
        providers: r.providers ?? 0,
        unknownResidenceSpend: r.unknown_residence_spend,
      })),
    },
  };
}
