// Imports an activity file (CSV, Parquet or XLSX in the schema of docs/data-format.md) into a dataset
// of the workspace: all of it, or — when rows are rejected and rejects are not allowed — none of it.
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ActivityColumn } from '../../core/activity/activity-record.ts';
import { defaultYearWindow, type YearWindow } from '../../core/activity/import-bounds.ts';
import { mapHeader } from '../../core/activity/map-header.ts';
import { FootprintError, fail, type Problem } from '../../core/errors.ts';
import { type AuditActor, commandLineActor, recordAudit } from '../audit/record-audit.ts';
import { makeCurrentIfAskedOrFirst } from '../datasets/current-dataset.ts';
import type { Workspace } from '../workspace.ts';
import { openCsv } from './csv.ts';
import { detectFormat, type ImportFormat } from './detect-format.ts';
import type { FileRows, TypedRows } from './file-rows.ts';
import { cleanFileInsert, cleanFileSelect, moveCleanFile } from './move-clean-file.ts';
import { openParquet } from './parquet.ts';
import { type ImportProgress, withReadProgress } from './read-progress.ts';
import { writeRejects } from './rejects.ts';
import { type ActivitySource, moveRows, QUARANTINE } from './stage-validate-move.ts';
import { openXlsx } from './xlsx.ts';

export interface ImportOptions {
  /** The file to import: .csv (also .txt, .tsv), .parquet or .xlsx. */
  file: string;
  /** Dataset name; importing a name that exists replaces that dataset. Default 'main'. */
  dataset?: string;
  /** Where the rejects CSV goes. Default: beside the file, `<name>.rejects.csv` (activity.csv →
   * activity.rejects.csv). Written only when some row is rejected. */
  rejectsFile?: string;
  /** Import the valid rows even when some are rejected. Default false: any reject → nothing imported. */
  allowRejects?: boolean;
  /** Make the dataset the workspace's current one. Default false: only the first import does (datasets
   * never switch as a side effect). */
  makeCurrent?: boolean;
  /** Called as the import goes: phase label, work done, work total and its unit (bytes of the file read). */
  onProgress?: ImportProgress;
  /** Per-format size limits overriding MAX_FILE_BYTES (tests). */
  maxBytes?: Partial<Record<ImportFormat, number>>;
  /** Skip the clean-file fast path and validate every row in SQL (tests comparing the two paths). */
  validateEveryRow?: boolean;
  /** Financial years accepted; default 2000/01 to ten years after the current one. */
  years?: YearWindow;
  /** Who imports, for the audit trail (the import, and the switch to it as the current dataset). Default
   * the command line's user; null: a step of a larger import that records itself, which neither audits
   * nor switches the current dataset. */
  by?: AuditActor | null;
  /** Work committed with the import, in its transaction, once the rows are in and the dataset recorded
   * (`import --run`: the run reads the new rows before they are committed, and one commit holds both). If
   * it fails, nothing of the import is kept and its error is the import's. */
  inTransaction?: (summary: ImportSummary) => Promise<void>;
}

export interface ImportSummary {
  dataset: string;
  file: string;
  format: ImportFormat;
  read: number;
  accepted: number;
  rejected: number;
  /** The rejects file, or null when no row was rejected. */
  rejectsFile: string | null;
  /** Sum of accepted cost in pounds, exact, two decimal places ('1234.50'). */
  totalCost: string;
  /** Whether the dataset is the workspace's current one after the import. */
  current: boolean;
}

/** Thrown in strict mode when rows were rejected; carries the counts so the CLI can print them. */
export class ImportRejectedError extends FootprintError {
  readonly summary: ImportSummary;
  constructor(problem: Problem, summary: ImportSummary) {
    super(problem);
    this.summary = summary;
  }
}

export const DATASET_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function defaultRejectsFile(file: string): string {
  const absolute = resolve(file);
  return join(dirname(absolute), `${basename(absolute, extname(absolute))}.rejects.csv`);
}

const PHASE_READ = 'Reading and validating';
/** The validating path, after the fast path gave way: slower, and it finds every bad row. */
const PHASE_CHECK = 'Checking every row';

export async function importActivity(ws: Workspace, options: ImportOptions): Promise<ImportSummary> {
  const dataset = options.dataset ?? 'main';
  if (!DATASET_NAME.test(dataset)) {
    fail('FP_IMPORT_BAD_DATASET_NAME', `"${dataset}" is not a valid dataset name.`, {
      where: { parameter: 'dataset' },
      received: dataset,
      accepted: '1–64 letters, digits, hyphens or underscores',
    });
  }
  const file = resolve(options.file);
  const format = detectFormat(file, options.maxBytes);
  const rejectsFile = resolve(options.rejectsFile ?? defaultRejectsFile(file));
  const progress = options.onProgress ?? (() => {});
  const years = options.years ?? defaultYearWindow(new Date());

  const rows = await openRows(ws, file, format, progress);
  try {
    const columns = mappedColumns(rows, file);
    const moveOptions = {
      dataset,
      file,
      format,
      progress,
      by: options.by === undefined ? commandLineActor() : options.by,
      makeCurrent: options.makeCurrent === true,
      inTransaction: options.inTransaction,
    };
    const typed = options.validateEveryRow ? null : rows.typed?.(columns);
    if (typed) {
      const clean = await moveIfClean(ws, typed, years, moveOptions);
      if (clean) return clean;
    }
    const source = sourceOf(rows, columns, rows.relation, rows.rowNumber, years);
    const move = (keepWithRejects: boolean) =>
      moveInTransaction(ws, () => readAndMove(ws, source, dataset, file, format), {
        ...moveOptions,
        phase: PHASE_CHECK,
        keepWithRejects,
      });
    const first = await move(false);
    if (first.rejected === 0) return first;

    // Rejected rows: the move was rolled back. Number the rows (outside any transaction, so that a staged
    // CSV's rowid counts from 0) and write the rejects file.
    progress('Writing rejects', 0, 1, 'steps');
    const numbered = await rows.numbered(ws);
    const written = await writeRejects(
      ws,
      sourceOf(rows, columns, numbered.relation, numbered.rowNumber, years),
      rejectsFile,
    );
    progress('Writing rejects', 1, 1, 'steps');
    if (!options.allowRejects) {
      const firstReject = written.first;
      throw new ImportRejectedError(
        {
          code: 'FP_IMPORT_REJECTED',
          message: `${first.rejected} of ${first.read} rows were rejected (${written.problems} problems), so nothing was imported; the rejects are in ${rejectsFile}.`,
          where: firstReject ? { file, row: firstReject.row, field: firstReject.field } : { file },
          received: firstReject
            ? `${firstReject.value ?? '(blank)'} — ${firstReject.code}: ${firstReject.message}`
            : undefined,
          hint: 'Correct the rows listed in the rejects file, or import the valid rows with --allow-rejects.',
        },
        { ...first, accepted: 0, totalCost: '0.00', rejectsFile },
      );
    }
    return { ...(await move(true)), rejectsFile };
  } catch (error) {
    throw error instanceof InTransactionFailed ? error.cause : error;
  } finally {
    await rows.close(ws);
  }
}

/** The file's header mapped to activity columns (their positions); throws the first header problem, naming
 * the others in its hint. */
function mappedColumns(rows: FileRows, file: string): Partial<Record<ActivityColumn, number>> {
  const mapped = mapHeader(rows.headers, file);
  const [firstIssue, ...otherIssues] = mapped.issues;
  if (firstIssue) {
    throw new FootprintError({
      ...firstIssue,
      hint: [firstIssue.hint, otherIssues.length ? `Also: ${otherIssues.map((i) => i.message).join(' ')}` : '']
        .filter(Boolean)
        .join(' '),
    });
  }
  return mapped.value.columns;
}

/** For an engine that keeps the rows elsewhere (import-to-cluster.ts): the clean-file fast path's SELECT of
 * the file (move-clean-file.ts, under the dataset expression `dataset`), handed to `work` while the file is
 * open, with the file's resolved path and format. Reading the SELECT raises an error at the first row that is
 * not clean; the caller then gives way to importActivity, which finds every bad row. Null, with nothing read,
 * when the file's column types rule the fast path out. The header is checked as importActivity checks it. */
export async function withCleanFileSelect<T>(
  ws: Workspace,
  options: Pick<ImportOptions, 'file' | 'maxBytes' | 'years' | 'onProgress'>,
  dataset: string,
  work: (select: string, file: string, format: ImportFormat) => Promise<T>,
): Promise<T | null> {
  const file = resolve(options.file);
  const format = detectFormat(file, options.maxBytes);
  const rows = await openRows(ws, file, format, options.onProgress ?? (() => {}));
  try {
    const typed = rows.typed?.(mappedColumns(rows, file));
    const select = typed ? cleanFileSelect(typed, options.years ?? defaultYearWindow(new Date()), dataset) : null;
    return select === null ? null : await work(select, file, format);
  } finally {
    await rows.close(ws);
  }
}

interface MoveOptions {
  dataset: string;
  file: string;
  format: ImportFormat;
  progress: ImportProgress;
  by: AuditActor | null;
  makeCurrent: boolean;
  inTransaction: ImportOptions['inTransaction'];
}

/** The failure of an import's `inTransaction` work: it rolls the import back, and is not the fast path giving
 * way (the validating path would fail the same way). */
class InTransactionFailed extends Error {
  override readonly cause: unknown;
  constructor(cause: unknown) {
    super('the work committed with the import failed');
    this.cause = cause;
  }
}

/** The clean-file fast path (move-clean-file.ts): the import's summary when every row is clean and the
 * move committed; null when it gave way — a column type it does not take (before reading anything), a
 * row that is not clean, a reader failure, an empty file — and rolled back, leaving the validating path
 * to find out why. */
async function moveIfClean(
  ws: Workspace,
  typed: TypedRows,
  years: YearWindow,
  options: MoveOptions,
): Promise<ImportSummary | null> {
  const insert = cleanFileInsert(typed, years);
  if (insert === null) return null;
  try {
    return await moveInTransaction(ws, () => moveCleanFile(ws, insert, options.dataset), {
      ...options,
      phase: PHASE_READ,
      keepWithRejects: false,
    });
  } catch (error) {
    if (error instanceof InTransactionFailed) throw error;
    if (process.env.FOOTPRINT_DEBUG) {
      process.stderr.write(`import: fast path gave way: ${error instanceof Error ? error.message : error}\n`);
    }
    return null;
  }
}

/** Deletes the dataset's rows and moves the file's valid rows in (`move` returns the rows read), in one
 * transaction. Commits when no row is rejected, or when `keepWithRejects`; otherwise rolls back and
 * returns the counts. */
async function moveInTransaction(
  ws: Workspace,
  move: () => Promise<number>,
  options: MoveOptions & { phase: string; keepWithRejects: boolean },
): Promise<ImportSummary> {
  const { dataset, file, format } = options;
  let rolledBack: ImportSummary | undefined;
  try {
    return await ws.transaction(async () => {
      await ws.run('DELETE FROM activity WHERE dataset = $1', [dataset]);
      const read = await withReadProgress(file, options.phase, options.progress, move);
      if (read === 0) fail('FP_IMPORT_EMPTY_FILE', `${file} has a header but no data rows.`, { where: { file } });
      const totals = await ws.one<{ accepted: number; total_cost: string }>(
        `SELECT CAST(count(*) AS DOUBLE) AS accepted, CAST(coalesce(sum(cost), 0) AS VARCHAR) AS total_cost
         FROM activity WHERE dataset = $1`,
        [dataset],
      );
      const accepted = totals?.accepted ?? 0;
      const summary: ImportSummary = {
        dataset,
        file,
        format,
        read,
        accepted,
        rejected: read - accepted,
        rejectsFile: null,
        totalCost: totals?.total_cost ?? '0.00',
        current: false,
      };
      if (summary.rejected > 0 && !options.keepWithRejects) {
        rolledBack = summary;
        throw new RollBack();
      }
      await ws.run('DELETE FROM activity WHERE dataset = $1', [QUARANTINE]);
      const done = await recordDataset(ws, summary, options);
      if (options.inTransaction) {
        try {
          await options.inTransaction(done);
        } catch (error) {
          throw new InTransactionFailed(error);
        }
      }
      return done;
    });
  } catch (error) {
    if (error instanceof RollBack && rolledBack) return rolledBack;
    throw error;
  }
}

/** Stores the dataset's record of an import whose rows are in place, audits it (when `by`) and makes it current
 * when asked or first; returns the summary with `current`. Call it inside the import's transaction. */
export async function recordDataset(
  ws: Workspace,
  summary: ImportSummary,
  options: { by: AuditActor | null; makeCurrent: boolean },
): Promise<ImportSummary> {
  const replaced = await readDatasetRecord(ws, summary.dataset);
  await ws.run(
    `INSERT OR REPLACE INTO dataset (name, source_file, format, rows_read, rows_accepted, rows_rejected, total_cost, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS DECIMAL(38, 2)), now())`,
    [
      summary.dataset,
      summary.file,
      summary.format,
      summary.read,
      summary.accepted,
      summary.rejected,
      summary.totalCost,
    ],
  );
  if (options.by) await recordImport(ws, options.by, replaced, summary);
  return {
    ...summary,
    current: await makeCurrentIfAskedOrFirst(ws, summary.dataset, options.makeCurrent, options.by),
  };
}

export interface DatasetRecord {
  sourceFile: string;
  format: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  totalCost: string;
  importedAt: string;
}

/** The stored record of an imported dataset, or null. */
export async function readDatasetRecord(ws: Workspace, dataset: string): Promise<DatasetRecord | null> {
  return (
    (await ws.one<DatasetRecord>(
      `SELECT source_file AS "sourceFile", format, CAST(rows_read AS DOUBLE) AS "rowsRead",
              CAST(rows_accepted AS DOUBLE) AS "rowsAccepted", CAST(rows_rejected AS DOUBLE) AS "rowsRejected",
              CAST(total_cost AS VARCHAR) AS "totalCost", strftime(imported_at, '%Y-%m-%dT%H:%M:%SZ') AS "importedAt"
         FROM dataset WHERE name = $1`,
      [dataset],
    )) ?? null
  );
}

/** Audits an import (replacing the dataset of that name, if any); whether it becomes current is decided apart. Call it
 * inside the import's transaction. */
export async function recordImport(
  ws: Workspace,
  by: AuditActor,
  replaced: DatasetRecord | null,
  summary: ImportSummary,
): Promise<void> {
  await recordAudit(ws, {
    ...by,
    objectType: 'dataset',
    objectId: summary.dataset,
    action: replaced ? 'replace' : 'import',
    before: replaced,
    after: await readDatasetRecord(ws, summary.dataset),
  });
}

/** Ends a transaction without it being an error. */
class RollBack extends Error {}

async function openRows(
  ws: Workspace,
  file: string,
  format: ImportFormat,
  progress: ImportProgress,
): Promise<FileRows> {
  try {
    if (format === 'csv') return await openCsv(ws, file);
    if (format === 'parquet') return await openParquet(ws, file);
    return await openXlsx(ws, file, (n) => progress('Reading workbook', n, n, 'rows'));
  } catch (error) {
    throw explainReadError(error, file, format);
  }
}

function sourceOf(
  rows: FileRows,
  positions: Partial<Record<ActivityColumn, number>>,
  relation: string,
  rowNumber: string | null,
  years: YearWindow,
): ActivitySource {
  const columns: Partial<Record<ActivityColumn, string>> = {};
  for (const [field, position] of Object.entries(positions) as [ActivityColumn, number][]) {
    columns[field] = rows.column(position);
  }
  return { relation, columns, rowNumber, years };
}

async function readAndMove(
  ws: Workspace,
  source: ActivitySource,
  dataset: string,
  file: string,
  format: ImportFormat,
): Promise<number> {
  try {
    return await moveRows(ws, source, dataset);
  } catch (error) {
    throw explainReadError(error, file, format);
  }
}

/** Turns a reader failure into a problem a user can act on; the database's own message never reaches
 * the user (it is kept under FOOTPRINT_DEBUG only). */
export function explainReadError(error: unknown, file: string, format: ImportFormat): Error {
  if (error instanceof FootprintError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  if (process.env.FOOTPRINT_DEBUG) process.stderr.write(`import: ${raw}\n`);
  const line = /line:?\s*(\d+)/i.exec(raw)?.[1];
  if (format === 'csv') {
    const encoding = /unicode|utf-?8|encoding/i.test(raw);
    return new FootprintError({
      code: 'FP_IMPORT_UNREADABLE_ROW',
      message: encoding
        ? `${file} contains text that is not UTF-8, so it cannot be read.`
        : `${file} has a row that cannot be read as CSV (a different number of fields from the header, or broken quoting).`,
      // DuckDB counts lines from 1 with the header as line 1, so the data row is one less.
      where: line && !encoding ? { file, row: Math.max(1, Number(line) - 1) } : { file },
      hint: encoding
        ? 'Save the file as CSV UTF-8 and import it again.'
        : 'Check that row against the header: every row needs the same number of fields, and quotes must be closed.',
    });
  }
  return new FootprintError({
    code: 'FP_IMPORT_NOT_WHAT_IT_CLAIMS',
    message: `${file} cannot be read as ${format === 'parquet' ? 'Parquet' : 'XLSX'}: it is damaged or not that kind of file.`,
    where: { file },
    hint: 'Check that the right file was chosen and export it again.',
  });
}
