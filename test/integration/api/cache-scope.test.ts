// The answer cache changes only after a change that passed the sign-in gate and succeeded, or a write to the
// workspace: anonymous, refused and failed requests that store nothing leave it alone (they could otherwise
// flush it in a loop). Answers that depend on who asks are remembered per organisation, so no user is sent
// another organisation's answer. The workspace's queries are watched to see whether an answer was
// recomputed or remembered.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
let qweViewer: SignedInClient;
let qweEditor: SignedInClient;
let qkkEditor: SignedInClient;
let londonEditor: SignedInClient;

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  qweViewer = await signIn(app, 'qweViewer');
  qweEditor = await signIn(app, 'qweEditor');
  qkkEditor = await signIn(app, 'qkkEditor');
  londonEditor = await signIn(app, 'londonEditor');
});

afterAll(async () => {
  await app.close();
  ws.close();
});

const names = async (client: SignedInClient) =>
  (await app.inject({ method: 'GET', url: '/api/footprints', headers: client.read }))
    .json()
    .rows.map((f: { name: string }) => f.name) as string[];

/** The SQL the workspace ran while work went on, and work's result. */
async function queriesDuring<T>(work: () => Promise<T>): Promise<{ sql: string[]; result: T }> {
  const sql: string[] = [];
  const all = ws.all.bind(ws);
  ws.all = ((text: string, params?: Parameters<Workspace['all']>[1]) => {
    sql.push(text);
    return all(text, params);
  }) as Workspace['all'];
  try {
    return { sql, result: await work() };
  } finally {
    ws.all = all;
  }
}

const readsFrom = (sql: string[], table: string) => sql.some((q) => new RegExp(`FROM ${table}\\b`).test(q));

describe('what clears the answer cache', () => {
  it('anonymous, refused and failed changes do not; a successful change does', async () => {
    expect(await names(qweViewer)).not.toContain('Made');
    const attempts = [
      // No session.
      app.inject({ method: 'POST', url: '/api/footprints', payload: { name: 'Anon', icbs: ['QWE'] } }),
      // Signed in, no CSRF token; the wrong role; a bad body; another organisation.
      app.inject({
        method: 'POST',
        url: '/api/footprints',
        headers: qweEditor.read,
        payload: { name: 'A', icbs: ['QWE'] },
      }),
      app.inject({
        method: 'POST',
        url: '/api/footprints',
        headers: qweViewer.change,
        payload: { name: 'B', icbs: ['QWE'] },
      }),
      app.inject({
        method: 'POST',
        url: '/api/footprints',
        headers: qweEditor.change,
        payload: { name: 'C', icbs: ['ZZZ'] },
      }),
      app.inject({
        method: 'POST',
        url: '/api/footprints',
        headers: qweEditor.change,
        payload: { name: 'D', icbs: ['QWE'], owner: 'QKK' },
      }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode).toBeGreaterThanOrEqual(400);
    // Still the remembered answer: the footprints are not read again.
    const remembered = await queriesDuring(() => names(qweViewer));
    expect(readsFrom(remembered.sql, 'footprint')).toBe(false);
    const made = await app.inject({
      method: 'POST',
      url: '/api/footprints',
      headers: qweEditor.change,
      payload: { name: 'Made', icbs: ['QWE'] },
    });
    expect(made.statusCode).toBe(201);
    const after = await queriesDuring(() => names(qweViewer));
    expect(readsFrom(after.sql, 'footprint')).toBe(true);
    expect(after.result).toContain('Made');
  });
});

describe('assurance reads, remembered per organisation', () => {
  const intentions = async (client: SignedInClient) =>
    (await app.inject({ method: 'GET', url: '/api/assurance/intentions', headers: client.read }))
      .json()
      .rows.map((i: { title: string }) => i.title) as string[];
  const insertIntention = (id: string, owner: string) =>
    ws.run(
      `INSERT INTO commissioning_intention VALUES ($1, $2, '', $3, 'Director', '[]', '[]', 'x', '2017/18', NULL, now(), 'test')`,
      [id, `Intention ${id}`, owner],
    );

  it('a second read is the remembered answer; another organisation gets its own, never the first one’s', async () => {
    await insertIntention('int-first', 'QWE');
    await insertIntention('int-london', 'Y56');
    expect(await intentions(qweViewer)).toEqual(['Intention int-first']);
    // Remembered for QWE: another QWE user's read does not read the intentions again.
    const remembered = await queriesDuring(() => intentions(qweEditor));
    expect(readsFrom(remembered.sql, 'commissioning_intention')).toBe(false);
    expect(remembered.result).toEqual(['Intention int-first']);
    // QKK's own answer is computed now and has neither; London (covering QWE) has both of its own.
    const qkk = await queriesDuring(() => intentions(qkkEditor));
    expect(readsFrom(qkk.sql, 'commissioning_intention')).toBe(true);
    expect(qkk.result).toEqual([]);
    expect((await intentions(londonEditor)).sort()).toEqual(['Intention int-first', 'Intention int-london']);
    const made = await app.inject({
      method: 'POST',
      url: '/api/assurance/intentions',
      headers: qweEditor.change,
      payload: { title: 'Intention made', ownerName: 'Director', measure: 'x', financialYear: '2017/18' },
    });
    expect(made.statusCode).toBe(201);
    expect((await intentions(qweViewer)).sort()).toEqual(['Intention int-first', 'Intention made']);
    expect(await intentions(qkkEditor)).toEqual([]);
  });

  it('the contracts register and its export come from the same per-organisation answer', async () => {
    const json = await app.inject({ method: 'GET', url: '/api/assurance/contracts', headers: qkkEditor.read });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual({ rows: [], positions: [] });
    const csv = await app.inject({
      method: 'GET',
      url: '/api/assurance/contracts?format=csv',
      headers: qkkEditor.read,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
  });
});
