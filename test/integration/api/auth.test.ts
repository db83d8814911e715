// Sign-in, sessions and the gate: every protected route refuses a request without a valid session (none,
// forged, expired, signed out); wrong passwords and unknown emails look alike; changes need the CSRF
// token; sign-in is rate limited.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { signIn } from './support/api-client.ts';
import { createApiWorkspace, TEST_PASSWORD, USERS } from './support/api-workspace.ts';
import { PROTECTED_ROUTES } from './support/protected-routes.ts';

let ws: Workspace;
let app: FastifyInstance;

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
});

afterAll(async () => {
  await app.close();
  ws.close();
});

const counts = async () =>
  ws.one<{ users: number; footprints: number }>(
    'SELECT (SELECT CAST(count(*) AS INTEGER) FROM app_user) AS users, (SELECT CAST(count(*) AS INTEGER) FROM footprint) AS footprints',
  );

describe('GET /api/health', () => {
  it('answers without sign-in', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', engine: { name: 'duckdb', available: true } });
  });
});

describe('sign-in', () => {
  it('returns the user, their organisation and role, a CSRF token and an HTTP-only SameSite=Strict cookie', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'QWE.Editor@example.nhs.uk', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toEqual({
      email: USERS.qweEditor.email,
      organisation: { code: 'QWE', name: 'NHS South West London Integrated Care Board', type: 'icb' },
      role: 'editor',
      mustChangePassword: false,
    });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = response.cookies[0]!;
    expect(cookie.name).toBe('fp_session');
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The stored id is its SHA-256, never the cookie value.
    const stored = await ws.all<{ idHash: string }>('SELECT id_hash AS "idHash" FROM app_session');
    expect(stored.map((s) => s.idHash)).not.toContain(cookie.value);
  });

  it('answers a wrong password and an unknown email alike, with 401 FP_AUTH_BAD_CREDENTIALS', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: USERS.qweEditor.email, password: 'not the password' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'nobody@example.org', password: TEST_PASSWORD },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toMatchObject({
      code: 'FP_AUTH_BAD_CREDENTIALS',
      where: { route: '/api/session', parameter: 'body' },
    });
    expect(wrong.cookies).toEqual([]);
  });

  it('GET /api/session gives the same user and CSRF token back; DELETE signs out and the cookie stops working', async () => {
    const client = await signIn(app, 'qweViewer');
    const me = await app.inject({ method: 'GET', url: '/api/session', headers: client.read });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: USERS.qweViewer.email, role: 'viewer' },
      csrfToken: client.csrfToken,
    });
    const out = await app.inject({ method: 'DELETE', url: '/api/session', headers: client.change });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/overview', headers: client.read });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('FP_AUTH_NOT_SIGNED_IN');
  });
});

describe('every protected route', () => {
  for (const route of PROTECTED_ROUTES) {
    it(`${route.method} ${route.url} without a session → 401 FP_AUTH_NOT_SIGNED_IN, nothing changes`, async () => {
      const before = await counts();
      const response = await app.inject({ method: route.method, url: route.url, payload: route.payload as object });
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toMatchObject({
        code: 'FP_AUTH_NOT_SIGNED_IN',
        where: { parameter: 'cookie fp_session' },
      });
      expect(await counts()).toEqual(before);
    });

    it(`${route.method} ${route.url} with a forged cookie → 401`, async () => {
      const response = await app.inject({
        method: route.method,
        url: route.url,
        payload: route.payload as object,
        headers: { cookie: `fp_session=${'A'.repeat(43)}`, 'x-csrf-token': 'forged' },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('FP_AUTH_NOT_SIGNED_IN');
    });
  }
});

describe('expired sessions', () => {
  it('refuses a cookie past its expiry with 401 and deletes the session', async () => {
    const shortLived = await buildApp({ workspace: ws, sessionTtlMs: 1 });
    try {
      const client = await signIn(shortLived, 'qweViewer');
      await new Promise((r) => setTimeout(r, 20));
      const response = await shortLived.inject({ method: 'GET', url: '/api/overview', headers: client.read });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('FP_AUTH_NOT_SIGNED_IN');
    } finally {
      await shortLived.close();
    }
  });
});

describe('CSRF', () => {
  it('refuses a change without the x-csrf-token header, or with another session’s, with 403 FP_AUTH_CSRF; nothing is stored', async () => {
    const editor = await signIn(app, 'qweEditor');
    const other = await signIn(app, 'londonEditor');
    const before = await counts();
    for (const headers of [editor.read, { ...editor.read, 'x-csrf-token': other.csrfToken }]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/footprints',
        headers,
        payload: { name: 'Sneaky', icbs: ['QWE'] },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toMatchObject({
        code: 'FP_AUTH_CSRF',
        where: { parameter: 'header x-csrf-token' },
      });
    }
    const signOut = await app.inject({ method: 'DELETE', url: '/api/session', headers: editor.read });
    expect(signOut.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('rate limit', () => {
  it('answers 429 FP_HTTP_RATE_LIMITED after too many sign-in attempts from one address', async () => {
    const limited = await buildApp({ workspace: ws, signInRateLimit: { max: 2, timeWindowMs: 60_000 } });
    try {
      const attempt = () =>
        limited.inject({ method: 'POST', url: '/api/session', payload: { email: 'x@example.org', password: 'guess' } });
      expect((await attempt()).statusCode).toBe(401);
      expect((await attempt()).statusCode).toBe(401);
      const third = await attempt();
      expect(third.statusCode).toBe(429);
      expect(third.json().error).toMatchObject({ code: 'FP_HTTP_RATE_LIMITED', where: { route: '/api/session' } });
    } finally {
      await limited.close();
    }
  });
});

describe('stored passwords', () => {
  it('are scrypt hashes, not the password', async () => {
    const rows = await ws.all<{ hash: string }>('SELECT password_hash AS hash FROM app_user');
    expect(rows.length).toBe(Object.keys(USERS).length);
    for (const { hash } of rows) {
      expect(hash).not.toContain(TEST_PASSWORD);
      expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    }
    expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
  });
});
