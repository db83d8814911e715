// `footprint report flows`: the resident-ICB × provider flows with activity and spend, read by the reader
// behind GET /api/flows (queries/flows-table.ts) and exported with the same columns, so the CLI's CSV and
// the API's are the same file for the same run, year and footprint. Without --year, every stored year.

import { fail } from '../../core/errors.ts';
import { FLOW_COLUMNS } from '../../core/flows/flows-answer.ts';
import type { Table } from '../export/table.ts';
import { flowsTable } from '../queries/flows-table.ts';
import { footprintMembers } from '../queries/footprints-summary.ts';
import type { RunMeta } from '../queries/run-context.ts';
import type { Workspace } from '../workspace.ts';
import { checkFootprint } from './check-footprint.ts';
import { type ReportOptions, reportRun } from './report-context.ts';

export async function flowsReport(ws: Workspace, options: ReportOptions): Promise<{ table: Table; meta: RunMeta }> {
  if (options.icb !== undefined && options.footprint !== undefined) {
    fail('FP_CLI_BAD_OPTION', '--icb and --footprint cannot be used together: each chooses the flows.', {
      where: { parameter: '--footprint' },
      received: `--icb ${options.icb} --footprint ${options.footprint}`,
      accepted: 'one of --icb, --footprint',
    });
  }
  const meta = await reportRun(ws, options);
  if (options.footprint !== undefined) await checkFootprint(ws, options.footprint, meta.vintage);
  const members =
    options.footprint !== undefined
      ? await footprintMembers(ws, options.footprint)
      : options.icb !== undefined
        ? [options.icb]
        : undefined;
  const { rows } = await flowsTable(
    ws,
    { dataset: meta.dataset, vintage: meta.vintage, year: options.year },
    { footprintMembers: members },
  );
  return { meta, table: { name: 'Flows', columns: FLOW_COLUMNS, rows } };
}
