// The datasets of a workspace: what each holds (rows, cost, years, runs), where it came from and who
// imported it; and removing one with everything computed from it.
import { basename } from 'node:path';
import type { DatasetList, DatasetSummary } from '../../core/datasets/dataset-shapes.ts';
import { fail } from '../../core/errors.ts';
import { engineChoice } from '../engines/open-engine.ts';
import type { Workspace } from '../workspace.ts';
import { requireDataset, workspaceCurrentDataset } from './current-dataset.ts';

interface DatasetRow {
  name: string;
  source_file: string;
  format: string;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  total_cost: number;
  imported_at: string;
  imported_by: string | null;
}

export async function listDatasets(ws: Workspace): Promise<DatasetList> {
  const current = (await workspaceCurrentDataset(ws)) ?? null;
  const rows = await ws.all<DatasetRow>(
    `SELECT d.name, d.source_file, d.format, d.rows_read, d.rows_accepted, d.rows_rejected,
            CAST(d.total_cost AS DOUBLE) AS total_cost, strftime(d.imported_at, '%Y-%m-%dT%H:%M:%SZ') AS imported_at,
            i.imported_by
     FROM dataset d LEFT JOIN dataset_importer i ON i.dataset = d.name AND i.imported_at = d.imported_at
     ORDER BY d.imported_at DESC, d.name`,
  );
  // Years from the stored results (activity on a cluster has no others), and from the activity held here
  // for datasets with no run since their import: a run reads every row of its dataset, so a later one's
  // years are the activity's, and the scan of every activity row is left to datasets that need it.
  const unrun = (
    await ws.all<{ name: string }>(
      `SELECT name FROM dataset d
        WHERE NOT EXISTS (SELECT 1 FROM run r WHERE r.dataset = d.name AND r.ran_at >= d.imported_at) ORDER BY name`,
    )
  ).map((d) => d.name);
  const scanned = unrun.map((_, i) => `$${i + 1}`).join(', ');
  const years = await ws.all<{ dataset: string; year: string }>(
    `SELECT DISTINCT dataset, financial_year AS year FROM run_total
     ${unrun.length > 0 ? `UNION SELECT DISTINCT dataset, financial_year FROM activity WHERE dataset IN (${scanned})` : ''}
     ORDER BY 1, 2`,
    unrun,
  );
  const runs = await ws.all<{ dataset: string; vintage: string; rule: string; ran_at: string }>(
    `SELECT dataset, vintage, unknown_residence_rule AS rule, strftime(ran_at, '%Y-%m-%dT%H:%M:%SZ') AS ran_at
     FROM run ORDER BY dataset, vintage DESC`,
  );
  return {
    current,
    rows: rows.map(
      (d): DatasetSummary => ({
        name: d.name,
        current: d.name === current,
        sourceFile: basename(d.source_file),
        format: d.format,
        rowsRead: d.rows_read,
        rowsAccepted: d.rows_accepted,
        rowsRejected: d.rows_rejected,
        totalCost: d.total_cost,
        years: years.filter((y) => y.dataset === d.name).map((y) => y.year),
        importedAt: d.imported_at,
        importedBy: d.imported_by,
        runs: runs
          .filter((r) => r.dataset === d.name)
          .map((r) => ({ vintage: r.vintage, unknownResidenceRule: r.rule, ranAt: r.ran_at })),
      }),
    ),
  };
}

/** Records who imported a dataset, after its import committed. */
export async function recordImporter(ws: Workspace, dataset: string, by: string): Promise<void> {
  await ws.run('INSERT OR REPLACE INTO dataset_importer SELECT name, imported_at, $2 FROM dataset WHERE name = $1', [
    dataset,
    by,
  ]);
}

/** Removes a dataset: its activity, its runs and everything computed from it (every table with a dataset
 * column). The current dataset cannot be removed: pages would lose their figures without anyone choosing. */
export async function removeDataset(ws: Workspace, name: string): Promise<void> {
  await requireDataset(ws, name, 'dataset');
  if ((await workspaceCurrentDataset(ws)) === name) {
    fail('FP_DATASET_IS_CURRENT', `Dataset "${name}" is the current dataset, so it cannot be removed.`, {
      where: { parameter: 'dataset' },
      received: name,
      hint: 'Make another dataset current first (`footprint dataset use NAME` or the data page).',
    });
  }
  if ((await engineChoice(ws)).kind === 'clickhouse') {
    fail('FP_DATASET_ON_CLUSTER', 'Removing a dataset whose activity is on a ClickHouse cluster is not possible yet.', {
      where: { parameter: 'dataset' },
      received: name,
      hint: 'Keep it for now: a dataset that is not current changes no figure.',
    });
  }
  const tables = await ws.all<{ table_name: string }>(
    `SELECT DISTINCT table_name FROM information_schema.columns
     WHERE column_name = 'dataset' AND table_schema = 'main' ORDER BY table_name`,
  );
  await ws.transaction(async () => {
    for (const { table_name } of tables) await ws.run(`DELETE FROM "${table_name}" WHERE dataset = $1`, [name]);
    await ws.run('DELETE FROM dataset WHERE name = $1', [name]);
  });
}
