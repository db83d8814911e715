// Sign-in over the API: success, failure and sign-out are audited with who, when and from where; failures
// alone are throttled, per account and per address, and unknown accounts are answered exactly as known
// ones; cookies are Secure when the request came over TLS to a trusted proxy; admins verify the chain.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/data/audit/record-audit.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { signIn } from './support/api-client.ts';
import { createApiWorkspace, TEST_PASSWORD, USERS } from './support/api-workspace.ts';

let ws: Workspace;

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
});

afterAll(() => ws.close());

const attempt = (app: FastifyInstance, email: string, password: string, ip = '198.51.100.1') =>
  app.inject({ method: 'POST', url: '/api/session', payload: { email, password }, remoteAddress: ip });

describe('the audit of sign-in', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  });
  afterAll(() => app.close());

  it('records a failed sign-in, a sign-in and a sign-out with the client address', async () => {
    expect((await attempt(app, USERS.qweViewer.email, 'wrong password', '192.0.2.7')).statusCode).toBe(401);
    expect((await attempt(app, 'nobody@example.org', 'wrong password', '192.0.2.8')).statusCode).toBe(401);
    const ok = await attempt(app, USERS.qweViewer.email, TEST_PASSWORD, '192.0.2.7');
    expect(ok.statusCode).toBe(200);
    const cookie = `fp_session=${ok.cookies[0]!.value}`;
    const out = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie, 'x-csrf-token': ok.json().csrfToken },
      remoteAddress: '192.0.2.7',
    });
    expect(out.statusCode).toBe(204);
    const events = await listAudit(ws, { objectType: 'session' });
    expect(events.slice(0, 4).map((e) => [e.action, e.actor, e.organisation, e.source])).toEqual([
      ['sign-out', USERS.qweViewer.email, 'QWE', '192.0.2.7'],
      ['sign-in', USERS.qweViewer.email, 'QWE', '192.0.2.7'],
      ['sign-in-failed', 'nobody@example.org', 'unknown', '192.0.2.8'],
      ['sign-in-failed', USERS.qweViewer.email, 'QWE', '192.0.2.7'],
    ]);
    expect(Date.parse(events[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('records where a change through the API came from', async () => {
    const editor = await signIn(app, 'qweEditor');
    const made = await app.inject({
      method: 'POST',
      url: '/api/assurance/intentions',
      headers: editor.change,
      payload: { title: 'From where', ownerName: 'Director', measure: 'x', financialYear: '2017/18' },
      remoteAddress: '192.0.2.44',
    });
    expect(made.statusCode).toBe(201);
    const [event] = await listAudit(ws, { objectType: 'intention', objectId: made.json().id });
    expect(event).toMatchObject({ action: 'create', actor: USERS.qweEditor.email, source: '192.0.2.44' });
  });

  it('GET /api/audit/verify: admins get the chain report; others 403', async () => {
    const admin = await signIn(app, 'nationalAdmin');
    const report = await app.inject({ method: 'GET', url: '/api/audit/verify', headers: admin.read });
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({ intact: true, firstBroken: null, head: { seq: expect.any(Number) } });
    const editor = await signIn(app, 'qweEditor');
    const refused = await app.inject({ method: 'GET', url: '/api/audit/verify', headers: editor.read });
    expect(refused.statusCode).toBe(403);
    await ws.run('DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)');
    const broken = (await app.inject({ method: 'GET', url: '/api/audit/verify', headers: admin.read })).json();
    expect(broken).toMatchObject({ intact: false, firstBroken: { reason: 'truncated' } });
    expect(broken.firstBroken.seq).toBe(broken.head.seq);
  });
});

describe('throttling failed sign-ins', () => {
  it('never refuses the right password for having signed in often', async () => {
    const app = await buildApp({ workspace: ws, signInRateLimit: { max: 3, maxPerAccount: 3, timeWindowMs: 60_000 } });
    try {
      for (let i = 0; i < 6; i++)
        expect((await attempt(app, USERS.qweViewer.email, TEST_PASSWORD)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('per account: failures from many addresses lock that account (right password too), not others', async () => {
    const app = await buildApp({
      workspace: ws,
      signInRateLimit: { max: 100, maxPerAccount: 3, timeWindowMs: 60_000 },
    });
    try {
      for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
        expect((await attempt(app, USERS.qkkEditor.email, 'guess', ip)).statusCode).toBe(401);
      }
      const locked = await attempt(app, USERS.qkkEditor.email, TEST_PASSWORD, '10.0.0.4');
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error).toMatchObject({ code: 'FP_HTTP_RATE_LIMITED', where: { route: '/api/session' } });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await attempt(app, USERS.qweViewer.email, TEST_PASSWORD, '10.0.0.4')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('an unknown account is answered exactly as a known one, failure after failure', async () => {
    const app = await buildApp({
      workspace: ws,
      signInRateLimit: { max: 100, maxPerAccount: 2, timeWindowMs: 60_000 },
    });
    try {
      const known: unknown[] = [];
      const unknown: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        const k = await attempt(app, USERS.londonEditor.email, 'guess', `10.1.0.${i}`);
        const u = await attempt(app, 'ghost@example.nhs.uk', 'guess', `10.2.0.${i}`);
        known.push([k.statusCode, k.json(), k.headers['retry-after'] !== undefined]);
        unknown.push([u.statusCode, u.json(), u.headers['retry-after'] !== undefined]);
      }
      expect(known.map((k) => (k as unknown[])[0])).toEqual([401, 401, 429]);
      expect(unknown).toEqual(known);
    } finally {
      await app.close();
    }
  });

  it('per address: failures at many accounts from one address lock that address', async () => {
    const app = await buildApp({
      workspace: ws,
      signInRateLimit: { max: 2, maxPerAccount: 100, timeWindowMs: 60_000 },
    });
    try {
      expect((await attempt(app, 'a@example.org', 'guess', '10.9.9.9')).statusCode).toBe(401);
      expect((await attempt(app, 'b@example.org', 'guess', '10.9.9.9')).statusCode).toBe(401);
      expect((await attempt(app, USERS.qweViewer.email, TEST_PASSWORD, '10.9.9.9')).statusCode).toBe(429);
      expect((await attempt(app, USERS.qweViewer.email, TEST_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('Secure cookies', () => {
  const cookieOf = async (trustProxy: boolean, proto?: string) => {
    const app = await buildApp({ workspace: ws, trustProxy });
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: USERS.qweViewer.email, password: TEST_PASSWORD },
        headers: proto ? { 'x-forwarded-proto': proto } : {},
      });
      expect(response.statusCode).toBe(200);
      return response.cookies[0]!;
    } finally {
      await app.close();
    }
  };

  it('are Secure behind a trusted proxy that took the request over TLS', async () => {
    expect((await cookieOf(true, 'https')).secure).toBe(true);
  });

  it('are not, over plain HTTP, nor when an untrusted client claims https', async () => {
    expect((await cookieOf(true, 'http')).secure).toBeFalsy();
    expect((await cookieOf(false, 'https')).secure).toBeFalsy();
  });
});
