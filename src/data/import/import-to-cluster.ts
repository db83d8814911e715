// `footprint import` when the workspace's engine is a ClickHouse cluster. A clean file (every row clean by
// the checks of move-clean-file.ts, the DuckDB import's fast path) goes straight from the reader to the
// cluster: DuckDB validates each row in the same pass that writes the rows out in batches, which every shard
// server parses in parallel into a staging table, swapped in whole — the workspace stores no activity rows.
// Any other file (a row that is not certainly clean, a column type the fast path does not take) is validated
// exactly as for DuckDB (importActivity: same checks, rejects file and counts) into a scratch dataset of the
// workspace, then streamed to the cluster the same way; only then does the workspace record the dataset, and
// the scratch rows are deleted, so the facts live on the cluster alone. Any failure — rejects in strict mode,
// an unreachable cluster, a shard down mid-load — leaves the workspace and the cluster's datasets as they were.
import { FootprintError, fail } from '../../core/errors.ts';
import { commandLineActor } from '../audit/record-audit.ts';
import {
  makeCurrentIfAskedOrFirst,
  restoreCurrentDataset,
  workspaceCurrentDataset,
} from '../datasets/current-dataset.ts';
import type { ClickHouseEngine } from '../engines/clickhouse.ts';
import { sqlString } from '../queries/sql-dialect.ts';
import type { Workspace } from '../workspace.ts';
import {
  DATASET_NAME,
  type ImportOptions,
  ImportRejectedError,
  type ImportSummary,
  importActivity,
  readDatasetRecord,
  recordDataset,
  recordImport,
  withCleanFileSelect,
} from './import-activity.ts';
import { withReadProgress } from './read-progress.ts';

/** Phase label shown while rows stream to the cluster. */
export const PHASE_CLUSTER = 'Loading onto the cluster';
/** Phase label of the clean path's pass over the file (validating and writing the batches). */
const PHASE_READ = 'Reading and validating';

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
  const by = options.by === undefined ? commandLineActor() : options.by;
  const clean = options.validateEveryRow ? null : await loadIfClean(ws, cluster, options, dataset);
  if (clean) {
    return ws.transaction(async () => {
      await ws.run('DELETE FROM activity WHERE dataset = $1', [dataset]);
      return recordDataset(ws, clean, { by, makeCurrent: options.makeCurrent === true });
    });
  }
  const previousCurrent = await workspaceCurrentDataset(ws);
  // Unique to this process and moment, so no user's dataset is touched while the load may still fail.
  const scratch = `cluster-load-${process.pid}-${Date.now()}`;
  const undo = async () => {
    await ws.transaction(async () => {
      await ws.run('DELETE FROM activity WHERE dataset = $1', [scratch]);
      await ws.run('DELETE FROM dataset WHERE name = $1', [scratch]);
      await restoreCurrentDataset(ws, previousCurrent);
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
    const first = previousCurrent === undefined || (await workspaceCurrentDataset(ws)) === scratch;
    return makeCurrentIfAskedOrFirst(ws, dataset, options.makeCurrent === true || first, by);
  });
  return { ...summary, current };
}

/** The clean path: the file's rows validated by DuckDB as they are written out for the cluster and loaded
 * there whole. The summary (not yet recorded) when every row was clean and the cluster holds them; null when
 * the path gave way — a column type it does not take, a row that is not certainly clean, a reader failure, an
 * empty file — with the cluster's datasets untouched, leaving the validating path to find out why. A problem
 * of the cluster or of the file's header is thrown: the validating path would meet it too. */
async function loadIfClean(
  ws: Workspace,
  cluster: ClickHouseEngine,
  options: ImportOptions,
  dataset: string,
): Promise<ImportSummary | null> {
  const progress = options.onProgress ?? (() => {});
  try {
    return await withCleanFileSelect(ws, options, sqlString(dataset), async (select, file, format) => {
      const loaded = await cluster.loadRows(ws, {
        select,
        dataset,
        aroundWrite: (write) => withReadProgress(file, PHASE_READ, progress, write),
        onProgress: (done, total) => progress(PHASE_CLUSTER, done, total, 'files'),
      });
      if (loaded.rows === 0) return null;
      return {
        dataset,
        file,
        format,
        read: loaded.rows,
        accepted: loaded.rows,
        rejected: 0,
        rejectsFile: null,
        totalCost: loaded.totalCost,
        current: false,
      };
    });
  } catch (error) {
    if (error instanceof FootprintError) throw error;
    if (process.env.FOOTPRINT_DEBUG) {
      process.stderr.write(`import: clean path gave way: ${error instanceof Error ? error.message : error}\n`);
    }
    return null;
  }
}
