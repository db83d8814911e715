// Opens or creates a workspace: one folder holding one DuckDB file with reference data, activity,
// results and settings. Opening a workspace made by an older version migrates it.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { fail } from '../core/errors.ts';
import { type Row, toPlainRows } from './rows.ts';
import { MIGRATIONS } from './schema/migrations.ts';

export const WORKSPACE_FILE = 'footprint.duckdb';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;

/** A workspace connection with a small vocabulary: run, all, one, transaction. */
export class Workspace {
  readonly dir: string;
  readonly file: string;
  readonly connection: DuckDBConnection;
  /** The dataset this connection's reads rest on instead of the workspace's current one (a command's
   * --dataset); see datasets/current-dataset.ts. */
  datasetChoice: string | undefined;
  readonly #instance: DuckDBInstance;
  /** False for a second connection to an instance another Workspace opened: closing it leaves the file open. */
  readonly #ownsInstance: boolean;

  constructor(dir: string, instance: DuckDBInstance, connection: DuckDBConnection, ownsInstance = true) {
    this.dir = dir;
    this.file = join(dir, WORKSPACE_FILE);
    this.#instance = instance;
    this.connection = connection;
    this.#ownsInstance = ownsInstance;
  }

  /** Another connection to the same open file, with its own transactions. A process that holds the
   * workspace (the server) gives one to each piece of work that must not share the server's connection: a
   * long import's transaction then neither blocks nor swallows the server's own queries. Its close() closes
   * only that connection. */
  async connect(): Promise<Workspace> {
    return new Workspace(this.dir, this.#instance, await this.#instance.connect(), false);
  }

  /** Changes whenever a change is committed to the workspace, by any connection and any process: the size
   * and modification time of the DuckDB file and of its write-ahead log. Every commit appends to the log
   * (so its size grows), and a checkpoint that empties the log rewrites the file; reads, rolled-back work
   * and temporary tables change neither. What is remembered from the workspace is keyed by it. */
  dataVersion(): string {
    return `${fileVersion(this.file)} ${fileVersion(`${this.file}.wal`)}`;
  }

  async run(sql: string, params?: Params): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Rows as plain objects: BIGINT and DECIMAL become numbers, dates ISO strings. */
  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return toPlainRows(reader.getRowObjects()) as T[];
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Transactions share the one connection, so they take turns: a BEGIN inside an open one would fail
   * (e.g. two requests storing plans at once). */
  #turn: Promise<unknown> = Promise.resolve();

  /** Runs fn inside a transaction: all of it is committed, or none of it. */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    const mine = this.#turn.then(() => this.#inTransaction(fn));
    this.#turn = mine.catch(() => undefined);
    return mine;
  }

  async #inTransaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.run('COMMIT');
      return result;
    } catch (error) {
      await this.run('ROLLBACK');
      throw error;
    }
  }

  async setting(key: string): Promise<string | undefined> {
    const row = await this.one<{ value: string }>('SELECT value FROM setting WHERE key = $1', [key]);
    return row?.value;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.run('INSERT OR REPLACE INTO setting (key, value) VALUES ($1, $2)', [key, value]);
  }

  close(): void {
    this.connection.closeSync();
    if (this.#ownsInstance) this.#instance.closeSync();
  }
}

function fileVersion(path: string): string {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.size}@${stat.mtimeNs}`;
  } catch {
    return 'none';
  }
}

export interface OpenOptions {
  /** Create the folder and database when missing (init). Otherwise a missing workspace is an error. */
  create?: boolean;
  readOnly?: boolean;
}

export async function openWorkspace(dir: string, options: OpenOptions = {}): Promise<Workspace> {
  const file = join(dir, WORKSPACE_FILE);
  if (!existsSync(file)) {
    if (!options.create) {
      fail('FP_WORKSPACE_NOT_FOUND', `No workspace at ${dir}.`, {
        where: { file },
        hint: 'Run `footprint init` (or `npm start`) to create one, or pass --workspace DIR.',
      });
    }
    mkdirSync(dir, { recursive: true });
  }
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file, options.readOnly ? { access_mode: 'READ_ONLY' } : {});
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/lock/i.test(message)) {
      fail('FP_WORKSPACE_LOCKED', `The workspace at ${dir} is open in another Footprint process.`, {
        where: { file },
        // A running server takes commands itself (src/cli/control), so the holder is another command or a
        // program of the person's own.
        hint: 'Wait for the other command to finish (or stop it) and try again.',
      });
    }
    throw error;
  }
  const workspace = new Workspace(dir, instance, await instance.connect());
  if (!options.readOnly) await migrate(workspace);
  return workspace;
}

/** The schema version a workspace is at; 0 for an empty database. */
export async function schemaVersion(workspace: Workspace): Promise<number> {
  const exists = await workspace.one<{ n: number }>(
    "SELECT CAST(count(*) AS INTEGER) AS n FROM information_schema.tables WHERE table_name = 'schema_migration'",
  );
  if (!exists?.n) return 0;
  const row = await workspace.one<{ v: number | null }>(
    'SELECT CAST(max(version) AS INTEGER) AS v FROM schema_migration',
  );
  return row?.v ?? 0;
}

async function migrate(workspace: Workspace): Promise<void> {
  const current = await schemaVersion(workspace);
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (current > latest) {
    fail('FP_WORKSPACE_NEWER', `The workspace is at schema version ${current}; this Footprint knows up to ${latest}.`, {
      where: { file: workspace.file },
      hint: 'Update Footprint, or use a workspace made by this version.',
    });
  }
  if (current === 0) {
    await workspace.run(
      'CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)',
    );
  }
  // Any migration not yet recorded is applied, in order — not only those above the highest recorded, so a
  // workspace that skipped one (made while migrations were added out of order) still gets it.
  const applied = new Set(
    (await workspace.all<{ version: number }>('SELECT version FROM schema_migration')).map((row) => row.version),
  );
  for (const migration of MIGRATIONS.filter((m) => !applied.has(m.version))) {
    await workspace.transaction(async () => {
      await workspace.run(migration.sql);
      await workspace.run('INSERT INTO schema_migration VALUES ($1, $2, now())', [migration.version, migration.name]);
    });
  }
}
