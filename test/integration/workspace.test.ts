// A workspace made by an older version is migrated when opened; one made by a newer version is refused;
// a missing one is a clear error.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { FootprintError } from '../../src/core/errors.ts';
import { MIGRATIONS } from '../../src/data/schema/migrations.ts';
import { openWorkspace, schemaVersion, WORKSPACE_FILE } from '../../src/data/workspace.ts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'footprint-workspace-'));

async function problemOf(work: Promise<unknown>): Promise<FootprintError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FootprintError);
  return error as FootprintError;
}

describe('workspace', () => {
  it('applies every migration to a new workspace', async () => {
    const ws = await openWorkspace(freshDir(), { create: true });
    const versions = await ws.all<{ version: number }>('SELECT version FROM schema_migration ORDER BY version');
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    ws.close();
  });

  it('runs transactions started at once one after the other, and a failed one leaves the next unharmed', async () => {
    const ws = await openWorkspace(freshDir(), { create: true });
    await ws.run('CREATE TABLE t (n INTEGER)');
    const insert = (n: number) =>
      ws.transaction(async () => {
        await ws.run('INSERT INTO t VALUES ($1)', [n]);
        // Yield so the other transaction would begin here if they were not taking turns.
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (n === 2) throw new Error('refused');
        await ws.run('INSERT INTO t VALUES ($1)', [n * 10]);
      });
    const results = await Promise.allSettled([insert(1), insert(2), insert(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rows = await ws.all<{ n: number }>('SELECT n FROM t ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual([1, 3, 10, 30]);
    ws.close();
  });

  it('migrates a workspace written by the first version when it is opened', async () => {
    const dir = freshDir();
    const instance = await DuckDBInstance.create(join(dir, WORKSPACE_FILE));
    const connection = await instance.connect();
    await connection.run(
      'CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)',
    );
    await connection.run(MIGRATIONS[0]!.sql);
    await connection.run(`INSERT INTO schema_migration VALUES (1, 'initial', now())`);
    await connection.run(`INSERT INTO setting VALUES ('current_dataset', 'kept')`);
    connection.closeSync();
    instance.closeSync();

    const ws = await openWorkspace(dir);
    expect(await schemaVersion(ws)).toBe(MIGRATIONS.at(-1)!.version);
    expect(await ws.setting('current_dataset')).toBe('kept');
    ws.close();
  });

  it('refuses a workspace written by a newer version, naming the file', async () => {
    const dir = freshDir();
    const ws = await openWorkspace(dir, { create: true });
    await ws.run(`INSERT INTO schema_migration VALUES (9999, 'from the future', now())`);
    ws.close();
    const problem = await problemOf(openWorkspace(dir));
    expect(problem.code).toBe('FP_WORKSPACE_NEWER');
    expect(problem.problem.where?.file).toBe(join(dir, WORKSPACE_FILE));
  });

  it('says how to create a workspace that does not exist', async () => {
    const dir = join(freshDir(), 'missing');
    const problem = await problemOf(openWorkspace(dir));
    expect(problem.code).toBe('FP_WORKSPACE_NOT_FOUND');
    expect(problem.problem.hint).toMatch(/footprint init/);
  });
});
