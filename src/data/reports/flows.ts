// The flows report: the resident-ICB × provider matrix with activity and spend.
import { FLOW_REPORT_COLUMNS, type FlowReportRow } from '../../core/flows/flows-answer.ts';
import { duckdbDialect as d } from '../engines/duckdb.ts';
import type { Table } from '../export/table.ts';
import { flowsReportSql } from '../queries/flows-report.ts';
import type { RunMeta } from '../queries/run-context.ts';
import type { Workspace } from '../workspace.ts';
import { type ReportOptions, reportRun } from './report-context.ts';
import { reportNames } from './report-names.ts';

/** The stored flow as the SQL gives it (snake case). */
interface StoredFlowRow {
  financial_year: string;
  resident_icb: string;
  residence_known: boolean;
  provider: string;
  provider_name: string | null;
  provider_icb: string;
  service: string;
  activity: number;
  spend: number;
}

export async function flowsReport(ws: Workspace, options: ReportOptions): Promise<{ table: Table; meta: RunMeta }> {
  const meta = await reportRun(ws, options);
  const query = flowsReportSql(d, { year: options.year, icb: options.icb });
  const rows = await ws.all<StoredFlowRow>(query.sql, [meta.dataset, meta.vintage, ...query.params]);
  const names = await reportNames(ws, meta.vintage);
  return {
    meta,
    table: {
      name: 'Flows',
      columns: FLOW_REPORT_COLUMNS,
      rows: rows.map(
        (r): FlowReportRow => ({
          financialYear: r.financial_year,
          residentIcb: r.resident_icb,
          residentIcbName: names.icb(r.resident_icb),
          residenceKnown: r.residence_known,
          provider: r.provider,
          providerName: names.provider(r.provider),
          providerIcb: r.provider_icb,
          providerIcbName: names.icb(r.provider_icb),
          service: r.service,
          serviceName: names.service(r.service),
          activity: r.activity,
          spend: r.spend,
        }),
      ),
    },
  };
}
