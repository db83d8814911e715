// Remembered answers: the JSON body is serialised once, through the route's response schema, and sent as
// those bytes thereafter — byte-identical to what Fastify serialises for the same answer without the
// cache; gzipped once for clients that take it; ETag/If-None-Match gives 304; sign-in is checked before
// any remembered answer is sent; a change clears what was remembered.
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Workspace } from '../../../src/data/workspace.ts';
import { AnswerCache, sendAnswer } from '../../../src/server/answer-cache.ts';
import { buildApp } from '../../../src/server/app.ts';
import { installErrorHandling } from '../../../src/server/errors.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

describe('a remembered answer on a bare Fastify app with the zod compilers', () => {
  const schema = z.object({ name: z.string(), spend: z.number(), share: z.number().nullable() });
  // Characters JSON escapes or encodes in several bytes, a float, and a field the schema strips.
  const figures = { name: 'St Thomas’ "A&E" £ \u2028 ☃', spend: 0.1 + 0.2, share: null, internal: 'not sent' };
  let app: FastifyInstance;
  let computed = 0;
  let broken = 0;

  beforeAll(async () => {
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandling(app);
    const cache = new AnswerCache();
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/plain', { schema: { response: { 200: schema } } }, async () => figures);
    r.get('/remembered', { schema: { response: { 200: schema } } }, async (request, reply) => {
      const answer = await cache.answer(
        request,
        reply,
        async () => {
          computed += 1;
          return figures;
        },
        (value) => value,
      );
      return sendAnswer(request, reply, answer);
    });
    r.get('/broken', { schema: { response: { 200: schema } } }, async (request, reply) => {
      const answer = await cache.answer(
        request,
        reply,
        async () => {
          broken += 1;
          return { name: 42 };
        },
        (value) => value,
      );
      return sendAnswer(request, reply, answer);
    });
    await app.ready();
  });

  afterAll(() => app.close());

  it('sends the bytes Fastify would have serialised, with the same type and length, computing once', async () => {
    const plain = await app.inject({ method: 'GET', url: '/plain' });
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).toEqual({ name: figures.name, spend: figures.spend, share: null });
    for (let i = 0; i < 3; i++) {
      const remembered = await app.inject({ method: 'GET', url: '/remembered' });
      expect(remembered.statusCode).toBe(200);
      expect(remembered.rawPayload.equals(plain.rawPayload)).toBe(true);
      expect(remembered.headers['content-type']).toBe(plain.headers['content-type']);
      expect(remembered.headers['content-length']).toBe(plain.headers['content-length']);
    }
    expect(computed).toBe(1);
  });

  it('enforces the response schema when the answer is computed: a 500, and it is not remembered', async () => {
    for (let i = 1; i <= 2; i++) {
      const response = await app.inject({ method: 'GET', url: '/broken' });
      expect(response.statusCode).toBe(500);
      expect(response.json().error.code).toBe('FP_HTTP_INTERNAL');
      expect(broken).toBe(i);
    }
  });
});

describe('remembered answers on the real app', () => {
  let ws: Workspace;
  let app: FastifyInstance;
  let viewer: SignedInClient;
  let editor: SignedInClient;
  let service: string;

  beforeAll(async () => {
    ws = await createApiWorkspace(20_000);
    app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    viewer = await signIn(app, 'qweViewer');
    editor = await signIn(app, 'qweEditor');
    const catalogue = await app.inject({ method: 'GET', url: '/api/services', headers: viewer.read });
    service = (catalogue.json() as { rows: { code: string; nationalSpend: number }[] }).rows.find(
      (s) => s.nationalSpend > 0,
    )!.code;
  });

  afterAll(async () => {
    await app.close();
    ws.close();
  });

  const dataUrls = () => [
    '/api/overview',
    '/api/icbs/QWE',
    `/api/services/${encodeURIComponent(service)}`,
    `/api/flows?service=${encodeURIComponent(service)}`,
    '/api/flows?footprint=South%20London',
    '/api/footprints',
    '/api/geography/icbs.geojson',
  ];

  it('sends the same bytes and tag every time, and 304 to a client that has them', async () => {
    for (const url of dataUrls()) {
      const first = await app.inject({ method: 'GET', url, headers: viewer.read });
      expect(first.statusCode, url).toBe(200);
      expect(first.headers['content-type'], url).toMatch(/^application\/(geo\+)?json; charset=utf-8$/);
      expect(first.headers['cache-control'], url).toBe('private, no-cache');
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      const again = await app.inject({ method: 'GET', url, headers: viewer.read });
      expect(again.rawPayload.equals(first.rawPayload), url).toBe(true);
      expect(again.headers.etag, url).toBe(etag);
      // Another user gets the same answer: data answers depend on nothing but the request.
      const other = await app.inject({ method: 'GET', url, headers: editor.read });
      expect(other.rawPayload.equals(first.rawPayload), url).toBe(true);
      const unchanged = await app.inject({ method: 'GET', url, headers: { ...viewer.read, 'if-none-match': etag } });
      expect(unchanged.statusCode, url).toBe(304);
      expect(unchanged.body, url).toBe('');
      expect(unchanged.headers.etag, url).toBe(etag);
      const listed = await app.inject({
        method: 'GET',
        url,
        headers: { ...viewer.read, 'if-none-match': `"stale", W/${etag}` },
      });
      expect(listed.statusCode, url).toBe(304);
      const stale = await app.inject({ method: 'GET', url, headers: { ...viewer.read, 'if-none-match': '"stale"' } });
      expect(stale.statusCode, url).toBe(200);
      expect(stale.rawPayload.equals(first.rawPayload), url).toBe(true);
    }
  });

  it('gzips for clients that take gzip, to the same bytes, under the weak form of the same tag', async () => {
    for (const url of dataUrls()) {
      const plain = await app.inject({ method: 'GET', url, headers: viewer.read });
      const etag = plain.headers.etag as string;
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(plain.headers.vary, url).toBe('accept-encoding');
      const zipped = await app.inject({
        method: 'GET',
        url,
        headers: { ...viewer.read, 'accept-encoding': 'gzip, deflate, br, zstd' },
      });
      expect(zipped.statusCode, url).toBe(200);
      expect(zipped.headers['content-encoding'], url).toBe('gzip');
      expect(zipped.headers['content-type'], url).toBe(plain.headers['content-type']);
      expect(zipped.headers.etag, url).toBe(`W/${etag}`);
      expect(zipped.rawPayload.length, url).toBeLessThan(plain.rawPayload.length);
      expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload), url).toBe(true);
      const unchanged = await app.inject({
        method: 'GET',
        url,
        headers: { ...viewer.read, 'accept-encoding': 'gzip', 'if-none-match': `W/${etag}` },
      });
      expect(unchanged.statusCode, url).toBe(304);
      const refused = await app.inject({
        method: 'GET',
        url,
        headers: { ...viewer.read, 'accept-encoding': 'gzip;q=0, identity' },
      });
      expect(refused.headers['content-encoding'], url).toBeUndefined();
      expect(refused.rawPayload.equals(plain.rawPayload), url).toBe(true);
    }
  });

  it('checks sign-in before sending a remembered answer: 401 without a session or with a forged one', async () => {
    for (const url of dataUrls()) {
      const signedIn = await app.inject({ method: 'GET', url, headers: viewer.read });
      expect(signedIn.statusCode, url).toBe(200);
      for (const headers of [
        {},
        { cookie: 'fp_session=forged' },
        { 'if-none-match': signedIn.headers.etag as string },
      ]) {
        const response = await app.inject({ method: 'GET', url, headers });
        expect(response.statusCode, url).toBe(401);
        expect(response.json().error.code, url).toBe('FP_AUTH_NOT_SIGNED_IN');
        expect(response.headers.etag, url).toBeUndefined();
      }
    }
  });

  it('exports the remembered rows as Excel and CSV', async () => {
    const json = await app.inject({ method: 'GET', url: '/api/flows?footprint=South%20London', headers: viewer.read });
    const rows = (json.json() as { rows: unknown[] }).rows;
    const csv = await app.inject({
      method: 'GET',
      url: '/api/flows?footprint=South%20London&format=csv',
      headers: viewer.read,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.trim().split(/\r?\n/)).toHaveLength(rows.length + 1);
    const xlsx = await app.inject({ method: 'GET', url: '/api/overview?format=xlsx', headers: viewer.read });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.etag).toBeUndefined();
  });

  it('forgets answers after a change: the footprints list then names the new footprint, under a new tag', async () => {
    const before = await app.inject({ method: 'GET', url: '/api/footprints', headers: viewer.read });
    const created = await app.inject({
      method: 'POST',
      url: '/api/footprints',
      headers: editor.change,
      payload: { name: 'Answer cache test', icbs: ['QWE', 'QKK'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const after = await app.inject({
      method: 'GET',
      url: '/api/footprints',
      headers: { ...viewer.read, 'if-none-match': before.headers.etag as string },
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((after.json() as { rows: { name: string }[] }).rows.map((f) => f.name)).toContain('Answer cache test');
  });

  it('does not remember user-specific answers: /api/session and /api/users carry no tag', async () => {
    const session = await app.inject({ method: 'GET', url: '/api/session', headers: viewer.read });
    expect(session.statusCode).toBe(200);
    expect(session.headers.etag).toBeUndefined();
    const admin = await signIn(app, 'qweAdmin');
    const users = await app.inject({ method: 'GET', url: '/api/users', headers: admin.read });
    expect(users.statusCode).toBe(200);
    expect(users.headers.etag).toBeUndefined();
  });
});
