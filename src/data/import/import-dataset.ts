// An import as a person asks for it, from the command line or the data page: into the workspace's engine
// (DuckDB, or the ClickHouse cluster it is set to), recording who imported it.

import { recordImporter } from '../datasets/datasets.ts';
import { openActivityEngine } from '../engines/open-engine.ts';
import type { Workspace } from '../workspace.ts';
import { type ImportOptions, type ImportSummary, importActivity } from './import-activity.ts';
import { importActivityToCluster } from './import-to-cluster.ts';

export async function importDataset(
  ws: Workspace,
  options: ImportOptions,
  by: string,
): Promise<{ summary: ImportSummary; engine: string }> {
  const opened = await openActivityEngine(ws);
  try {
    const summary = opened.cluster
      ? await importActivityToCluster(ws, opened.cluster, options)
      : await importActivity(ws, options);
    await recordImporter(ws, summary.dataset, by);
    return { summary, engine: opened.engine.name };
  } finally {
    await opened.close();
  }
}
