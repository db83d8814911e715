// GET replies of routes without an answer cache of their own are remembered per organisation and role
// (src/server/reply-cache.ts): a risk written straight into the workspace, behind the server's back, shows
// whether a reply was recomputed or remembered. The gate still runs first, a user of another organisation or
// role gets an answer of their own, concurrent requests share one computation, and a change forgets it all.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
let qweEditor: SignedInClient;
let qweViewer: SignedInClient;
let qkkEditor: SignedInClient;

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  qweEditor = await signIn(app, 'qweEditor');
  qweViewer = await signIn(app, 'qweViewer');
  qkkEditor = await signIn(app, 'qkkEditor');
});

afterAll(async () => {
  await app.close();
  ws.close();
});

const risks = (client: SignedInClient | undefined) =>
  app.inject({ method: 'GET', url: '/api/risks', headers: client?.read ?? {} });
const titles = async (client: SignedInClient) =>
  (await risks(client)).json().rows.map((r: { title: string }) => r.title) as string[];

let n = 0;
const behindTheBack = async (organisation: string, title: string) => {
  n += 1;
  await ws.run(
    `INSERT INTO risk VALUES ($1, $2, $3, '', 'financial', 'Owner', 3, 3, '', 2, 2, '[]', 'open', NULL, NULL, 1,
       TIMESTAMP '2026-01-01 09:00:00', 'test', TIMESTAMP '2026-01-01 09:00:00', 'test')`,
    [`risk-${String(n).padStart(8, '0')}`, organisation, title],
  );
};

describe('remembered GET replies', () => {
  it('are remembered per organisation and role, behind the gate, until a change', async () => {
    expect(await titles(qweEditor)).toEqual([]);
    await behindTheBack('QWE', 'Rota gaps');
    // Remembered for QWE editors; QWE viewers and QKK editors each compute their own answer.
    expect(await titles(qweEditor)).toEqual([]);
    expect(await titles(qweViewer)).toEqual(['Rota gaps']);
    expect(await titles(qkkEditor)).toEqual([]);
    // Signed out: refused by the gate, not answered from what was remembered.
    expect((await risks(undefined)).statusCode).toBe(401);
    // A change that passed the gate and succeeded forgets every remembered reply.
    const made = await app.inject({
      method: 'POST',
      url: '/api/footprints',
      headers: qweEditor.change,
      payload: { name: 'Reply cache test', icbs: ['QWE'] },
    });
    expect(made.statusCode).toBe(201);
    expect(await titles(qweEditor)).toEqual(['Rota gaps']);
  });

  it('serve the same figures with a validator, gzipped when asked, and 304 when the client has them', async () => {
    const first = await risks(qkkEditor);
    const again = await app.inject({ method: 'GET', url: '/api/risks', headers: qkkEditor.read });
    expect(again.json()).toEqual(first.json());
    const etag = again.headers.etag as string;
    expect(etag).toMatch(/^"/);
    const zipped = await app.inject({
      method: 'GET',
      url: '/api/risks',
      headers: { ...qkkEditor.read, 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.etag).toBe(`W/${etag}`);
    const notModified = await app.inject({
      method: 'GET',
      url: '/api/risks',
      headers: { ...qkkEditor.read, 'if-none-match': etag },
    });
    expect(notModified.statusCode).toBe(304);
  });

  it('computes once for requests that arrive together', async () => {
    await app.inject({ method: 'DELETE', url: '/api/footprints/Reply%20cache%20test', headers: qweEditor.change });
    await behindTheBack('QWE', 'Theatre capacity');
    const together = await Promise.all(Array.from({ length: 20 }, () => titles(qweEditor)));
    for (const answer of together) expect(answer.toSorted()).toEqual(['Rota gaps', 'Theatre capacity']);
  });

  it('does not remember errors or the session answer', async () => {
    const missing = () => app.inject({ method: 'GET', url: '/api/risks/risk-99999999', headers: qweEditor.read });
    expect((await missing()).statusCode).toBe(404);
    await behindTheBack('QWE', 'Found later');
    await ws.run("UPDATE risk SET id = 'risk-99999999' WHERE title = 'Found later'");
    expect((await missing()).statusCode).toBe(200);
    const session = await app.inject({ method: 'GET', url: '/api/session', headers: qweEditor.read });
    expect(session.headers.etag).toBeUndefined();
  });
});
