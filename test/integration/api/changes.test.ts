// State-changing routes: the role and organisation rules, and bad input. Wrong role → 403, wrong
// organisation → 403, malformed or mistyped bodies → 400 naming the field, unknown codes → 4xx, oversized
// bodies → 413; after each, nothing stored has changed. A fast-check property throws generated bodies at
// every state-changing route and never gets a 5xx.
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace, USERS } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
let as: Record<
  | 'nationalAdmin'
  | 'londonAdmin'
  | 'londonEditor'
  | 'qweEditor'
  | 'qweViewer'
  | 'qweAdmin'
  | 'qkkEditor'
  | 'northWestEditor',
  SignedInClient
>;

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 }, bodyLimit: 16 * 1024 });
  as = {
    nationalAdmin: await signIn(app, 'nationalAdmin'),
    londonAdmin: await signIn(app, 'londonAdmin'),
    londonEditor: await signIn(app, 'londonEditor'),
    qweEditor: await signIn(app, 'qweEditor'),
    qweViewer: await signIn(app, 'qweViewer'),
    qweAdmin: await signIn(app, 'qweAdmin'),
    qkkEditor: await signIn(app, 'qkkEditor'),
    northWestEditor: await signIn(app, 'northWestEditor'),
  };
});

afterAll(async () => {
  await app.close();
  ws.close();
});

/** Everything a change could touch, to compare before and after a refused request. */
const snapshot = async () => ({
  users: await ws.all('SELECT email, organisation_code, role FROM app_user ORDER BY email'),
  footprints: await ws.all('SELECT name, kind, owner_organisation FROM footprint ORDER BY name'),
  members: await ws.all('SELECT * FROM footprint_member ORDER BY ALL'),
});

const post = (url: string, client: SignedInClient, payload: unknown) =>
  app.inject({ method: 'POST', url, headers: client.change, payload: payload as object });
const del = (url: string, client: SignedInClient) => app.inject({ method: 'DELETE', url, headers: client.change });

describe('footprints', () => {
  it('an editor defines a footprint owned by their ICB; it is listed with its population', async () => {
    const made = await post('/api/footprints', as.qweEditor, { name: 'SWL plus SEL', icbs: ['qwe', 'QKK'] });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toEqual({ name: 'SWL plus SEL', members: ['QKK', 'QWE'], owner: 'QWE' });
    const list = await app.inject({ method: 'GET', url: '/api/footprints', headers: as.qweViewer.read });
    const row = list.json().rows.find((f: { name: string }) => f.name === 'SWL plus SEL');
    // Its population is the sum of the two ICBs' GP-registered counts, read independently here.
    const pop = await ws.one<{ n: number }>(
      "SELECT CAST(sum(persons) AS DOUBLE) AS n FROM population WHERE area_type = 'icb' AND area_code IN ('QWE', 'QKK')",
    );
    expect(row).toMatchObject({ kind: 'user', members: ['QKK', 'QWE'], owner: 'QWE', population: pop!.n });
  });

  it('a viewer may not define one: 403 FP_AUTH_FORBIDDEN naming the role; nothing stored', async () => {
    const before = await snapshot();
    const response = await post('/api/footprints', as.qweViewer, { name: 'Viewer hub', icbs: ['QWE'] });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'FP_AUTH_FORBIDDEN', where: { parameter: 'role' } });
    expect(await snapshot()).toEqual(before);
  });

  it('an ICB editor may not make one owned by another ICB or its region: 403', async () => {
    const before = await snapshot();
    for (const owner of ['QKK', 'Y56', 'national']) {
      const response = await post('/api/footprints', as.qweEditor, { name: `Owned by ${owner}`, icbs: ['QWE'], owner });
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toMatchObject({ code: 'FP_AUTH_FORBIDDEN', where: { parameter: 'organisation' } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('another ICB and another region may not remove it (403); its region may', async () => {
    await post('/api/footprints', as.qweEditor, { name: 'To remove', icbs: ['QWE'] });
    const before = await snapshot();
    for (const client of [as.qkkEditor, as.northWestEditor]) {
      const response = await del('/api/footprints/To%20remove', client);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FP_AUTH_FORBIDDEN');
    }
    expect(await snapshot()).toEqual(before);
    expect((await del('/api/footprints/To%20remove', as.londonEditor)).statusCode).toBe(204);
    expect((await del('/api/footprints/To%20remove', as.londonEditor)).json().error).toMatchObject({
      code: 'FP_FOOTPRINT_NOT_FOUND',
      where: { parameter: 'name' },
    });
  });

  it('shipped footprints: only national gets past the organisation check, and even it cannot remove them (409)', async () => {
    const before = await snapshot();
    expect((await del('/api/footprints/South%20London', as.londonEditor)).statusCode).toBe(403);
    const national = await del('/api/footprints/South%20London', as.nationalAdmin);
    expect(national.statusCode).toBe(409);
    expect(national.json().error.code).toBe('FP_FOOTPRINT_NOT_USER');
    expect(await snapshot()).toEqual(before);
  });

  it('unknown ICB codes, a taken name and a bad name are 4xx naming the field; nothing stored', async () => {
    const before = await snapshot();
    const unknown = await post('/api/footprints', as.qweEditor, { name: 'Unknown ICB', icbs: ['QWE', 'ZZZ'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'FP_FOOTPRINT_UNKNOWN_ICB', received: 'ZZZ' });
    const taken = await post('/api/footprints', as.qweEditor, { name: 'south london', icbs: ['QWE'] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('FP_FOOTPRINT_EXISTS');
    const badName = await post('/api/footprints', as.qweEditor, { name: '<script>', icbs: ['QWE'] });
    expect(badName.statusCode).toBe(400);
    expect(badName.json().error.code).toBe('FP_FOOTPRINT_BAD_NAME');
    expect(await snapshot()).toEqual(before);
  });
});

describe('users', () => {
  const newUser = (organisation: string, email = `new.${organisation.toLowerCase()}@example.org`) => ({
    email,
    organisation,
    role: 'viewer',
    password: 'a long enough password',
  });

  it('an editor may not list, add or remove users: 403', async () => {
    const before = await snapshot();
    expect((await app.inject({ method: 'GET', url: '/api/users', headers: as.qweEditor.read })).statusCode).toBe(403);
    expect((await post('/api/users', as.qweEditor, newUser('QWE'))).statusCode).toBe(403);
    expect((await del(`/api/users/${USERS.qweViewer.email}`, as.qweEditor)).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('an admin sees only the users of organisations they cover', async () => {
    const list = async (client: SignedInClient) =>
      (await app.inject({ method: 'GET', url: '/api/users', headers: client.read }))
        .json()
        .rows.map((u: { email: string }) => u.email);
    expect(await list(as.qweAdmin)).toEqual([USERS.qweAdmin.email, USERS.qweEditor.email, USERS.qweViewer.email]);
    // London (Y56) covers itself, QWE and QKK, not North West (Y62) nor national.
    const london = await list(as.londonAdmin);
    expect(london).toContain(USERS.qkkEditor.email);
    expect(london).not.toContain(USERS.northWestEditor.email);
    expect(london).not.toContain(USERS.nationalAdmin.email);
    expect((await list(as.nationalAdmin)).length).toBeGreaterThanOrEqual(Object.keys(USERS).length);
  });

  it('an ICB admin may not add users to another ICB or the region (403), nor remove theirs (404, as for no user); nothing stored', async () => {
    const before = await snapshot();
    for (const org of ['QKK', 'Y56', 'national']) {
      const response = await post('/api/users', as.qweAdmin, newUser(org));
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toMatchObject({
        code: 'FP_AUTH_FORBIDDEN',
        where: { parameter: 'body.organisation' },
      });
    }
    // Another organisation's user gets the same answer as an email with no account: nothing to enumerate.
    const other = await del(`/api/users/${encodeURIComponent(USERS.qkkEditor.email)}`, as.qweAdmin);
    const nobody = await del(`/api/users/${encodeURIComponent('nobody@example.nhs.uk')}`, as.qweAdmin);
    expect([other.statusCode, nobody.statusCode]).toEqual([404, 404]);
    const { received: _a, ...otherError } = other.json().error;
    const { received: _b, ...nobodyError } = nobody.json().error;
    expect(otherError).toEqual({
      ...nobodyError,
      message: nobodyError.message.replace('nobody@example.nhs.uk', USERS.qkkEditor.email),
    });
    expect(otherError.code).toBe('FP_AUTH_USER_NOT_FOUND');
    expect((await del(`/api/users/${USERS.qweAdmin.email}`, as.qweAdmin)).json().error.code).toBe('FP_AUTH_FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('a region admin adds a user to one of its ICBs, who can then sign in; and removes them', async () => {
    const added = await post('/api/users', as.londonAdmin, newUser('qkk', 'new.person@example.org'));
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ email: 'new.person@example.org', organisation: { code: 'QKK', type: 'icb' } });
    const signInAsNew = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'new.person@example.org', password: 'a long enough password' },
    });
    expect(signInAsNew.statusCode).toBe(200);
    expect((await del('/api/users/new.person%40example.org', as.londonAdmin)).statusCode).toBe(204);
  });

  it('bad fields are 400/409 naming the field: email, password, organisation, duplicate', async () => {
    const before = await snapshot();
    const cases: [unknown, number, string, string][] = [
      [{ ...newUser('QWE'), email: 'not-an-email' }, 400, 'FP_AUTH_BAD_EMAIL', 'email'],
      [{ ...newUser('QWE'), password: 'short' }, 400, 'FP_AUTH_BAD_PASSWORD', 'password'],
      [newUser('QZZ'), 400, 'FP_AUTH_UNKNOWN_ORGANISATION', 'body.organisation'],
      [{ ...newUser('QWE'), email: USERS.qweViewer.email }, 409, 'FP_AUTH_USER_EXISTS', 'email'],
      [{ ...newUser('QWE'), role: 'superuser' }, 400, 'FP_HTTP_BAD_REQUEST', 'body.role'],
    ];
    for (const [payload, status, code, parameter] of cases) {
      const response = await post('/api/users', as.nationalAdmin, payload);
      expect(response.statusCode, code).toBe(status);
      expect(response.json().error).toMatchObject({ code, where: { parameter } });
    }
    const missing = await del('/api/users/nobody%40example.org', as.nationalAdmin);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'FP_AUTH_USER_NOT_FOUND', where: { parameter: 'email' } });
    expect(await snapshot()).toEqual(before);
  });
});

describe('bad input', () => {
  it('malformed JSON → 400 FP_HTTP_MALFORMED_JSON; not JSON → 415; wrong types → 400 naming the field', async () => {
    const before = await snapshot();
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/footprints',
      headers: { ...as.qweEditor.change, 'content-type': 'application/json' },
      payload: '{"name": "x", "icbs": [',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'FP_HTTP_MALFORMED_JSON', where: { parameter: 'body' } });
    const form = await app.inject({
      method: 'POST',
      url: '/api/footprints',
      headers: { ...as.qweEditor.change, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=x&icbs=QWE',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.code).toBe('FP_HTTP_UNSUPPORTED_MEDIA_TYPE');
    const wrongType = await post('/api/footprints', as.qweEditor, { name: 'Typed', icbs: 'QWE' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error).toMatchObject({ code: 'FP_HTTP_BAD_REQUEST', where: { parameter: 'body.icbs' } });
    const badSignIn = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 42 } });
    expect(badSignIn.statusCode).toBe(400);
    expect(badSignIn.json().error.where.parameter).toMatch(/^body\./);
    expect(await snapshot()).toEqual(before);
  });

  it('an oversized body → 413 FP_HTTP_BODY_TOO_LARGE; nothing stored', async () => {
    const before = await snapshot();
    const response = await post('/api/footprints', as.qweEditor, {
      name: 'Huge',
      icbs: ['QWE'],
      description: 'x'.repeat(20 * 1024),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('FP_HTTP_BODY_TOO_LARGE');
    expect(await snapshot()).toEqual(before);
  });

  it('unknown codes in GET addresses → 404 naming the parameter; bad query values → 400', async () => {
    const get = (url: string) => app.inject({ method: 'GET', url, headers: as.qweViewer.read });
    expect((await get('/api/icbs/QZZ')).json().error).toMatchObject({
      code: 'FP_REPORT_UNKNOWN_ICB',
      where: { parameter: 'code' },
    });
    expect((await get('/api/icbs/QZZ')).statusCode).toBe(404);
    expect((await get('/api/services/ZZ9')).statusCode).toBe(404);
    expect((await get('/api/flows?service=ZZ9')).json().error).toMatchObject({
      code: 'FP_HTTP_NOT_FOUND',
      where: { parameter: 'service' },
    });
    expect((await get('/api/flows?footprint=Nowhere')).statusCode).toBe(404);
    const badYear = await get('/api/overview?year=2099/00');
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().error).toMatchObject({
      code: 'FP_HTTP_BAD_REQUEST',
      where: { parameter: 'year' },
      accepted: '2023/24, 2024/25',
    });
    expect((await get('/api/overview?vintage=1999')).json().error.where.parameter).toBe('querystring.vintage');
    expect((await get('/api/overview?format=pdf')).statusCode).toBe(400);
    expect((await get('/api/icbs/..%2F..%2Fetc')).statusCode).toBe(400);
  });

  it('property: generated bodies at every state-changing route never get a 5xx', async () => {
    const routes = [
      { method: 'POST' as const, url: '/api/footprints', client: () => as.qweEditor },
      { method: 'POST' as const, url: '/api/users', client: () => as.qweAdmin },
      { method: 'POST' as const, url: '/api/session', client: () => as.qweViewer },
      { method: 'DELETE' as const, url: '/api/footprints/', client: () => as.qweEditor },
      { method: 'DELETE' as const, url: '/api/users/', client: () => as.qweAdmin },
    ];
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          name: fc.oneof(fc.string(), fc.integer(), fc.constant('South London')),
          icbs: fc.oneof(fc.array(fc.oneof(fc.constantFrom('QWE', 'QKK', 'qwe', ''), fc.string())), fc.string()),
          email: fc.oneof(fc.emailAddress(), fc.string()),
          organisation: fc.oneof(fc.constantFrom('QWE', 'QKK', 'Y56', 'national'), fc.string()),
          role: fc.oneof(fc.constantFrom('viewer', 'editor', 'admin'), fc.string()),
          password: fc.string({ maxLength: 300 }),
          owner: fc.oneof(fc.constantFrom('QWE', 'QKK'), fc.string()),
          description: fc.string(),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: routes.length - 1 }),
        body,
        fc.string({ maxLength: 40 }),
        async (i, payload, tail) => {
          const route = routes[i]!;
          const url = route.method === 'DELETE' ? `${route.url}${encodeURIComponent(tail) || 'x'}` : route.url;
          const response = await app.inject({
            method: route.method,
            url,
            headers: { ...route.client().change, 'content-type': 'application/json' },
            payload: route.method === 'DELETE' ? undefined : JSON.stringify(payload),
          });
          expect(
            response.statusCode,
            `${route.method} ${url} ${JSON.stringify(payload)} → ${response.body}`,
          ).toBeLessThan(500);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});
