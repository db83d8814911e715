// The command line beside a running server: the server holds the workspace's write lock, and every
// `footprint` command typed meanwhile is sent to it over the workspace's control socket and run there. Run
// as a person would: the real serve code listening on a free port, the real CLI in child processes.
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/cli/commands/serve.ts';
import { controlDir, controlSocketPath } from '../../src/cli/control/protocol.ts';
import type { DatasetList } from '../../src/core/datasets/dataset-shapes.ts';
import { listAudit } from '../../src/data/audit/record-audit.ts';
import { SESSION_COOKIE } from '../../src/server/auth/guard.ts';
import { createApiWorkspace, TEST_DATASET, TEST_PASSWORD, USERS } from './api/support/api-workspace.ts';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
let server: RunningServer;
let base: string;
let importFile: string;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `footprint args…` in a child process from cwd, with stdin as given. */
function footprint(args: string[], options: { cwd: string; stdin?: string }): Promise<Ran> {
  return new Promise((done) => {
    const child = execFile(
      tsx,
      [join(root, 'src', 'cli', 'main.ts'), ...args],
      { cwd: options.cwd },
      (error, stdout, stderr) =>
        done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(options.stdin ?? '');
  });
}

async function signIn(email: string, password: string): Promise<{ cookie: string; status: number }> {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = /fp_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '';
  return { cookie, status: response.status };
}

async function getJson<T>(path: string, cookie: string): Promise<T> {
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  const ws = await createApiWorkspace(5_000);
  const dir = ws.dir;
  // An extract of the test activity in the import layout, for `footprint import` to read.
  importFile = join(await mkdtemp(join(tmpdir(), 'footprint-extract-')), 'extract.csv');
  await ws.run(
    `COPY (SELECT financial_year, month, provider_code, residence_code, service_code, pod, age_band, sex, activity,
                  cost, patients FROM activity WHERE dataset = $1 LIMIT 2000) TO '${importFile}' (HEADER)`,
    [TEST_DATASET],
  );
  ws.close();
  server = await startServer({ workspace: dir, port: '0', host: '127.0.0.1' });
  base = `http://127.0.0.1:${server.port}`;
  expect(SESSION_COOKIE).toBe('fp_session');
});

afterAll(async () => {
  await server?.close();
});

describe('the command line while the server runs', () => {
  it('reaches the server through a socket only the machine user can open', () => {
    expect(statSync(controlDir(server.ws.dir)).mode & 0o777).toBe(0o700);
    expect(statSync(controlSocketPath(server.ws.dir)).mode & 0o777).toBe(0o600);
  });

  it('adds a user, imports a dataset and runs it; the web app sees each change without a restart', async () => {
    const admin = await signIn(USERS.nationalAdmin.email, TEST_PASSWORD);
    expect(admin.status).toBe(200);
    // Asked before the changes, so the server has these answers remembered.
    const before = await getJson<{ provenance: { dataset: string } }>('/api/overview', admin.cookie);
    expect(before.provenance.dataset).toBe(TEST_DATASET);
    const usersBefore = await getJson<{ rows: { email: string }[] }>('/api/users', admin.cookie);
    expect(usersBefore.rows.map((u) => u.email)).not.toContain('new.colleague@example.nhs.uk');

    // Relative paths: the workspace and the file are named from the client's folder, not the server's.
    const cwd = join(importFile, '..');
    const wsArg = ['--workspace', server.ws.dir];
    const added = await footprint(
      [
        'user',
        'add',
        ...wsArg,
        '--email',
        'new.colleague@example.nhs.uk',
        '--org',
        'QWE',
        '--role',
        'editor',
        '--password-stdin',
      ],
      { cwd, stdin: 'a long enough password\n' },
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Added new.colleague@example.nhs.uk: editor');

    const imported = await footprint(['import', 'extract.csv', ...wsArg, '--dataset', 'b'], { cwd });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`Imported ${importFile} into dataset b`);
    expect(imported.stdout).toContain('read 2,000, accepted 2,000, rejected 0');
    expect(imported.stdout).toContain('The current dataset is unchanged');

    const run = await footprint(['run', ...wsArg, '--dataset', 'b'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dataset b, 2026 geography');

    // The app lists dataset b, imported by the operator and run, and still shows the dataset it showed.
    const datasets = await getJson<DatasetList>('/api/datasets', admin.cookie);
    expect(datasets.current).toBe(TEST_DATASET);
    const b = datasets.rows.find((d) => d.name === 'b');
    expect(b).toMatchObject({ current: false, rowsAccepted: 2000, sourceFile: 'extract.csv' });
    expect(b?.importedBy).toMatch(/^operator:/);
    expect(b?.runs.map((r) => r.vintage)).toEqual(['2026']);
    const after = await getJson<{ provenance: { dataset: string } }>('/api/overview', admin.cookie);
    expect(after.provenance.dataset).toBe(TEST_DATASET);

    const usersAfter = await getJson<{ rows: { email: string }[] }>('/api/users', admin.cookie);
    expect(usersAfter.rows.map((u) => u.email)).toContain('new.colleague@example.nhs.uk');
    expect((await signIn('new.colleague@example.nhs.uk', 'a long enough password')).status).toBe(200);

    // The user change is audited as the machine's operator, not as a web user.
    const audit = await listAudit(server.ws, { objectType: 'user' });
    const event = audit.find((e) => e.objectId === 'new.colleague@example.nhs.uk');
    expect(event?.actor).toMatch(/^operator:/);
  });

  it('refuses to make or serve the workspace again, and reports problems with the exit code', async () => {
    const wsArg = ['--workspace', server.ws.dir];
    const init = await footprint(['init', ...wsArg], { cwd: root });
    expect(init.code).toBe(1);
    expect(init.stderr).toContain('FP_WORKSPACE_SERVED');
    expect(init.stderr).toContain('parameter init');
    const missing = await footprint(['import', 'no-such-file.csv', ...wsArg], { cwd: tmpdir() });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('FP_IMPORT_FILE_NOT_FOUND');
    expect(missing.stderr).toContain(join(tmpdir(), 'no-such-file.csv'));
    const unknown = await footprint(['atlas', ...wsArg, '--dataset', 'nope'], { cwd: root });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('FP_DATASET_NOT_FOUND');
    expect(unknown.stderr).toContain('parameter --dataset');
  });
});
