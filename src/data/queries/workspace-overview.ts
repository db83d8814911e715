// The figures the home page shows, read from the workspace: what reference data is loaded and the
// stored spend by year on both bases (the overview's own totals by year).
import { DEFAULT_VINTAGE } from '../../core/geography/vintage.ts';
import type { YearTotals } from '../../core/overview/overview-answer.ts';
import type { Workspace } from '../workspace.ts';
import { totalsByYear } from './overview-by-icb.ts';
import { readRunContext } from './run-context.ts';

export interface WorkspaceOverview {
  icbs: number;
  regions: number;
  subIcbs: number;
  providers: number;
  services: number;
  registeredPopulation: number;
  dataset: string | null;
  vintage: string;
  spendByYear: YearTotals[];
}

export async function readWorkspaceOverview(workspace: Workspace): Promise<WorkspaceOverview> {
  const counts = await workspace.one<Omit<WorkspaceOverview, 'dataset' | 'vintage' | 'spendByYear'>>(
    `
    SELECT
      (SELECT CAST(count(*) AS INTEGER) FROM icb WHERE vintage = $1) AS icbs,
      (SELECT CAST(count(*) AS INTEGER) FROM region WHERE vintage = $1) AS regions,
      (SELECT CAST(count(*) AS INTEGER) FROM sub_icb WHERE vintage = $1) AS "subIcbs",
      (SELECT CAST(count(*) AS INTEGER) FROM provider WHERE close_date IS NULL) AS providers,
      (SELECT CAST(count(*) AS INTEGER) FROM service WHERE is_current) AS services,
      (SELECT CAST(coalesce(sum(persons), 0) AS DOUBLE) FROM population WHERE area_type = 'region') AS "registeredPopulation"`,
    [DEFAULT_VINTAGE],
  );
  const { dataset, vintage } = await readRunContext(workspace);
  const spendByYear = dataset ? await totalsByYear(workspace, dataset, vintage) : [];
  return { ...counts!, dataset, vintage, spendByYear };
}
