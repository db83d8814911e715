// The datasets API: everyone signed in sees the list; only national editors and admins change which dataset
// is current, remove one or run one, and a wrong role or organisation changes nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetList } from '../../../src/core/datasets/dataset-shapes.ts';
import { importActivity } from '../../../src/data/import/import-activity.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { signIn } from './support/api-client.ts';
import { createApiWorkspace, TEST_DATASET } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
/** 50 good rows of the test activity in the import layout, and the same with two rows spoiled. */
let goodCsv: string;
let badCsv: string;

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  const file = join(mkdtempSync(join(tmpdir(), 'footprint-api-datasets-')), 'second.csv');
  const rows = await ws.all<Record<string, unknown>>(
    `SELECT financial_year, month, provider_code, residence_code, service_code, pod, age_band, sex, activity,
            CAST(cost AS VARCHAR) AS cost, patients FROM activity WHERE dataset = $1 ORDER BY ALL LIMIT 50`,
    [TEST_DATASET],
  );
  const header = Object.keys(rows[0]!);
  const lines = rows.map((r) => header.map((h) => r[h] ?? '').join(','));
  goodCsv = [header.join(','), ...lines].join('\n');
  // Row 3: a provider code no reference table has; row 7: a month of 13.
  badCsv = [
    header.join(','),
    ...lines.map((line, i) => {
      const fields = line.split(',');
      if (i === 2) fields[header.indexOf('provider_code')] = 'ZZZ99';
      if (i === 6) fields[header.indexOf('month')] = '13';
      return fields.join(',');
    }),
  ].join('\n');
  writeFileSync(file, goodCsv);
  await importActivity(ws, { file, dataset: 'second' });
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
});

afterAll(async () => {
  await app.close();
  ws.close();
});

describe('/api/datasets', () => {
  it('lists every dataset for any signed-in user, the import not made current', async () => {
    const viewer = await signIn(app, 'qweViewer');
    const response = await app.inject({ method: 'GET', url: '/api/datasets', headers: viewer.read });
    expect(response.statusCode).toBe(200);
    const list = response.json() as DatasetList;
    expect(list.current).toBe(TEST_DATASET);
    expect(list.rows.map((d) => [d.name, d.current])).toEqual([
      ['second', false],
      [TEST_DATASET, true],
    ]);
    expect(list.rows[0]).toMatchObject({ rowsAccepted: 50, sourceFile: 'second.csv', runs: [] });
  });

  it('refuses a change from an ICB or region editor and from a viewer, changing nothing', async () => {
    for (const who of ['qweEditor', 'londonEditor', 'qweViewer'] as const) {
      const client = await signIn(app, who);
      const response = await app.inject({
        method: 'PUT',
        url: '/api/datasets/current',
        headers: client.change,
        payload: { name: 'second' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FP_AUTH_FORBIDDEN');
      expect(response.json().error.where.parameter).toBe(who === 'qweViewer' ? 'role' : 'organisation');
    }
    expect(await ws.setting('current_dataset')).toBe(TEST_DATASET);
  });

  it('lets a national admin run a dataset, make it current and remove the other; unknown and current are refused', async () => {
    const admin = await signIn(app, 'nationalAdmin');
    const unknown = await app.inject({
      method: 'PUT',
      url: '/api/datasets/current',
      headers: admin.change,
      payload: { name: 'nope' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'FP_DATASET_NOT_FOUND', accepted: `${TEST_DATASET}, second` });

    const run = await app.inject({
      method: 'POST',
      url: '/api/datasets/second/run',
      headers: admin.change,
      payload: {},
    });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ dataset: 'second', vintage: '2026', rows: 50 });

    const current = await app.inject({ method: 'DELETE', url: `/api/datasets/${TEST_DATASET}`, headers: admin.change });
    expect(current.statusCode).toBe(409);
    expect(current.json().error.code).toBe('FP_DATASET_IS_CURRENT');

    const use = await app.inject({
      method: 'PUT',
      url: '/api/datasets/current',
      headers: admin.change,
      payload: { name: 'second' },
    });
    expect(use.statusCode).toBe(200);
    expect((use.json() as DatasetList).current).toBe('second');
    // The overview now shows the dataset made current: its remembered answer was forgotten.
    const overview = await app.inject({ method: 'GET', url: '/api/overview', headers: admin.read });
    expect(overview.json().provenance.dataset).toBe('second');

    const removed = await app.inject({ method: 'DELETE', url: `/api/datasets/${TEST_DATASET}`, headers: admin.change });
    expect(removed.statusCode).toBe(204);
    const list = (await app.inject({ method: 'GET', url: '/api/datasets', headers: admin.read })).json() as DatasetList;
    expect(list.rows.map((d) => d.name)).toEqual(['second']);
  });
});

describe('uploading an extract', () => {
  const upload = (headers: Record<string, string>, query: string, body: string) =>
    app.inject({
      method: 'POST',
      url: `/api/datasets/upload?${query}`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(body),
    });

  it('in strict mode imports nothing from a file with bad rows, gives the counts and the rejects to download', async () => {
    const admin = await signIn(app, 'nationalAdmin');
    const response = await upload(admin.change, 'dataset=upload-strict&filename=extract.csv', badCsv);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ imported: false, read: 50, accepted: 0, rejected: 2, current: false });
    const rejects = await app.inject({ method: 'GET', url: response.json().rejectsUrl, headers: admin.read });
    expect(rejects.statusCode).toBe(200);
    expect(rejects.headers['content-type']).toContain('text/csv');
    expect(rejects.body).toContain('ZZZ99');
    expect(rejects.body.trim().split('\n').length).toBeGreaterThanOrEqual(3);
    const list = (await app.inject({ method: 'GET', url: '/api/datasets', headers: admin.read })).json() as DatasetList;
    expect(list.rows.map((d) => d.name)).not.toContain('upload-strict');
  });

  it('with rejects allowed imports the good rows under the uploader’s name, not made current', async () => {
    const admin = await signIn(app, 'nationalAdmin');
    const response = await upload(
      admin.change,
      'dataset=upload-ok&filename=my%20extract.csv&allowRejects=true',
      badCsv,
    );
    expect(response.json()).toMatchObject({ imported: true, read: 50, accepted: 48, rejected: 2, current: false });
    const list = (await app.inject({ method: 'GET', url: '/api/datasets', headers: admin.read })).json() as DatasetList;
    expect(list.rows.find((d) => d.name === 'upload-ok')).toMatchObject({
      sourceFile: 'my extract.csv',
      rowsAccepted: 48,
      importedBy: 'national.admin@example.nhs.uk',
    });
    expect(list.current).not.toBe('upload-ok');
  });

  it('refuses an ICB editor, and names an upload without rejects', async () => {
    const editor = await signIn(app, 'qweEditor');
    const refused = await upload(editor.change, 'dataset=nope&filename=a.csv', goodCsv);
    expect(refused.statusCode).toBe(403);
    const admin = await signIn(app, 'nationalAdmin');
    const none = await app.inject({
      method: 'GET',
      url: '/api/datasets/uploads/0123456789abcdef/rejects',
      headers: admin.read,
    });
    expect(none.statusCode).toBe(404);
    expect(none.json().error).toMatchObject({ code: 'FP_DATASET_NO_REJECTS', where: { parameter: 'id' } });
  });
});
