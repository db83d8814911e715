// `footprint import` when the workspace's engine is a ClickHouse cluster. The file is validated exactly as
// for DuckDB (importActivity: same checks, rejects file and counts) into a scratch dataset of the workspace,
// then streamed to the cluster in batches through a staging table and swapped in; only then does the
// workspace record the dataset, and the scratch rows are deleted, so the facts live on the cluster alone.
// Any failure — rejects in strict mode, an unreachable cluster, a shard down mid-load — leaves the workspace
// and the cluster's datasets as they were.
import { fail } from '../../core/errors.ts';
import { commandLineActor } from '../audit/record-audit.ts';
import { makeCurrentIfAskedOrFirst } from '../datasets/current-dataset.ts';
import type { ClickHouseEngine } from '../engines/clickhouse.ts';
import type { Workspace } from '../workspace.ts';
import {
  DATASET_NAME,
  type ImportOptions,
  ImportRejectedError,
  type ImportSummary,
  importActivity,
  readDatasetRecord,
  recordImport,
} from './import-activity.ts';

/** Phase label shown while rows stream to the cluster. */
export const PHASE_CLUSTER = 'Loading onto the cluster';

export async function importActivityToCluster(
  ws: Workspace,
  cluster: ClickHouseEngine,
  options: ImportOptions,
): Promise<ImportSummary> {
  const dataset = options.dataset ?? 'main';
  if (!DATASET_NAME.test(dataset)) {
    fail('FP_IMPORT_BAD_DATASET_NAME', `"${dataset}" is not a valid dataset name.`, {
      where: { parameter: 'dataset' },
      received: dataset,
      accepted: '1–64 letters, digits, hyphens or underscores',
    });
  }
  const previousCurrent = await ws.setting('current_dataset');
  // Unique to this process and moment, so no user's dataset is touched while the load may still fail.
  const scratch = `cluster-load-${process.pid}-${Date.now()}`;
  const undo = async () => {
    await ws.transaction(async () => {
      await ws.run('DELETE FROM activity WHERE dataset = $1', [scratch]);
      await ws.run('DELETE FROM dataset WHERE name = $1', [scratch]);
      if (previousCurrent === undefined) await ws.run(`DELETE FROM setting WHERE key = 'current_dataset'`);
      else await ws.setSetting('current_dataset', previousCurrent);
    });
  };
  let summary: ImportSummary;
  try {
    summary = { ...(await importActivity(ws, { ...options, dataset: scratch, by: null })), dataset };
  } catch (error) {
    if (error instanceof ImportRejectedError) {
      throw new ImportRejectedError(error.problem, { ...error.summary, dataset });
    }
    throw error;
  }
  try {
    await cluster.loadDataset(ws, {
      source: scratch,
      dataset,
      rows: summary.accepted,
      onProgress: (done, total) => options.onProgress?.(PHASE_CLUSTER, done, total, 'files'),
    });
  } catch (error) {
    await undo();
    throw error;
  }
  const by = options.by === undefined ? commandLineActor() : options.by;
  const current = await ws.transaction(async () => {
    const replaced = await readDatasetRecord(ws, dataset);
    await ws.run('DELETE FROM activity WHERE dataset IN ($1, $2)', [scratch, dataset]);
    await ws.run(
      `INSERT OR REPLACE INTO dataset
       SELECT $1, source_file, format, rows_read, rows_accepted, rows_rejected, total_cost, imported_at
       FROM dataset WHERE name = $2`,
      [dataset, scratch],
    );
    await ws.run('DELETE FROM dataset WHERE name = $1', [scratch]);
    if (by) await recordImport(ws, by, replaced, summary);
    // The scratch dataset was current only if nothing else was: then this is the first import.
    const first = previousCurrent === undefined || (await ws.setting('current_dataset')) === scratch;
    return makeCurrentIfAskedOrFirst(ws, dataset, options.makeCurrent === true || first, by);
  });
  return { ...summary, current };
}
