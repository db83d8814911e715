// The OpenAPI document lists every route; the web app's files are served and no path escapes web/dist;
// the placeholder home page stands in when the web app is not built; unknown API addresses are 404s in
// the one error shape.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../src/data/users/session-store.ts';
import { addUser } from '../../../src/data/users/user-store.ts';
import { openWorkspace, type Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { PROTECTED_ROUTES } from './support/protected-routes.ts';

let ws: Workspace;
let app: FastifyInstance;
let webDir: string;
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'footprint-web-'));
  webDir = join(root, 'dist');
  mkdirSync(join(webDir, 'assets'), { recursive: true });
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Footprint app</title>');
  writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside web/dist');
  ws = await openWorkspace(join(root, 'ws'), { create: true });
  app = await buildApp({ workspace: ws, webDir });
});

afterAll(async () => {
  await app.close();
  ws.close();
});

describe('GET /api/openapi.json', () => {
  it('describes every route, with schemas for input and output', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    const listed = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const expected = [...PROTECTED_ROUTES.map((r) => `${r.method} ${r.path}`), 'GET /api/health', 'POST /api/session'];
    expect([...listed].sort()).toEqual([...new Set(expected)].sort());
    expect(doc.paths['/api/overview'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'dataset',
      'format',
      'geography',
      'vintage',
      'year',
    ]);
    expect(doc.paths['/api/footprints'].post.requestBody.content['application/json'].schema.required).toEqual([
      'name',
      'icbs',
    ]);
    expect(doc.paths['/api/overview'].get.responses['200']).toBeDefined();
  });
});

describe('the web app', () => {
  it('serves index.html, its assets, and index.html for client-side routes', async () => {
    expect((await app.inject({ method: 'GET', url: '/' })).body).toContain('Footprint app');
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
    const deep = await app.inject({ method: 'GET', url: '/icb/QWE' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('Footprint app');
  });

  it('never serves a file outside web/dist, however the path is spelled', async () => {
    for (const url of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/%252e%252e/secret.txt',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.body, url).not.toContain('outside web/dist');
      expect(response.body, url).not.toContain('"name": "footprint"');
      expect([200, 400, 403, 404], url).toContain(response.statusCode);
    }
  });

  it('answers an unknown API address with 404 FP_HTTP_NOT_FOUND, not the web app', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'FP_HTTP_NOT_FOUND', where: { route: '/api/nothing-here' } });
  });

  it('falls back to the placeholder home page, with a note, when web/dist has no index.html', async () => {
    const bare = await buildApp({ workspace: ws, webDir: join(webDir, 'missing') });
    try {
      const response = await bare.inject({ method: 'GET', url: '/' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('The web application has not been built');
      // Anonymous: reference counts, but nothing of the spend; signed in: the spend section.
      expect(response.body).toContain('Sign in (POST /api/session) to see spend figures.');
      expect(response.body).not.toContain('No activity has been imported yet');
      await addUser(ws, { email: 'home@example.org', organisation: 'national', role: 'viewer', password: PASSWORD });
      const session = await bare.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'home@example.org', password: PASSWORD },
      });
      const signedIn = await bare.inject({
        method: 'GET',
        url: '/',
        headers: { cookie: `fp_session=${session.cookies[0]!.value}` },
      });
      expect(signedIn.body).toContain('No activity has been imported yet');
      expect(signedIn.body).not.toContain('Sign in (POST /api/session)');
    } finally {
      await bare.close();
    }
  });
});

describe('unforeseen failures', () => {
  it('reach the client as 500 FP_HTTP_INTERNAL with no driver message or stack trace', async () => {
    await ws.setSetting('current_dataset', 'broken');
    await ws.run('DROP TABLE run');
    await ws.run(
      "INSERT INTO app_user VALUES ('x@example.org', 'national', 'viewer', 'scrypt$32768$8$1$AAAA$AAAA', now())",
    );
    const session = await createSession(ws, 'x@example.org', 60_000);
    const response = await app.inject({
      method: 'GET',
      url: '/api/overview',
      headers: { cookie: `fp_session=${session.id}` },
    });
    expect(response.statusCode).toBe(500);
    const requestId = String(response.headers['x-request-id']);
    expect(requestId).toMatch(/^[0-9a-f]{12}$/);
    expect(response.json()).toEqual({
      error: {
        code: 'FP_HTTP_INTERNAL',
        message: `The server failed to answer this request. The details are in its log under request id ${requestId}.`,
        where: { route: '/api/overview' },
        requestId,
      },
    });
    expect(response.body).not.toMatch(/Catalog|Error:|at /);
  });
});
