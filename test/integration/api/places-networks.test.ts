// The places, networks, triangulation and wiring routes: 401 without a session, 403 for the wrong role or
// organisation, bad input as 4xx naming the item with nothing stored, and the exports.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationName } from '../../../src/core/names/organisation-name.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
let as: Record<
  'nationalAdmin' | 'londonEditor' | 'qweEditor' | 'qweViewer' | 'qkkEditor' | 'northWestEditor',
  SignedInClient
>;
let qwePractices: string[];

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  as = {
    nationalAdmin: await signIn(app, 'nationalAdmin'),
    londonEditor: await signIn(app, 'londonEditor'),
    qweEditor: await signIn(app, 'qweEditor'),
    qweViewer: await signIn(app, 'qweViewer'),
    qkkEditor: await signIn(app, 'qkkEditor'),
    northWestEditor: await signIn(app, 'northWestEditor'),
  };
  qwePractices = (
    await ws.all<{ code: string }>("SELECT practice_code AS code FROM gp_practice WHERE icb_code = 'QWE' ORDER BY code")
  ).map((r) => r.code);
});

afterAll(async () => {
  await app.close();
  ws.close();
});

const get = (url: string, client: SignedInClient) => app.inject({ method: 'GET', url, headers: client.read });
const post = (url: string, client: SignedInClient, payload: object) =>
  app.inject({ method: 'POST', url, headers: client.change, payload });
const del = (url: string, client: SignedInClient) => app.inject({ method: 'DELETE', url, headers: client.change });
const stored = async () => ({
  groupings: await ws.all('SELECT * FROM place_grouping_member ORDER BY ALL'),
  networks: await ws.all('SELECT name FROM clinical_network ORDER BY name'),
});

const ROUTES: [string, string][] = [
  ['GET', '/api/places?icb=QWE'],
  ['POST', '/api/places/groupings'],
  ['DELETE', '/api/places/groupings/X'],
  ['GET', '/api/networks'],
  ['GET', '/api/networks/SWL%20ENT'],
  ['POST', '/api/networks'],
  ['DELETE', '/api/networks/SWL%20ENT'],
  ['GET', '/api/triangulation?icb=QWE'],
  ['GET', '/api/wiring?icb=QWE'],
];

describe('sign-in', () => {
  it.each(ROUTES)('%s %s answers 401 without a session', async (method, url) => {
    const response = await app.inject({ method: method as 'GET', url, payload: method === 'POST' ? {} : undefined });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('FP_AUTH_NOT_SIGNED_IN');
  });
});

describe('places', () => {
  it('lists places and neighbourhoods with flags, and exports them to Excel', async () => {
    const response = await get('/api/places?icb=QWE', as.qweViewer);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.places).toHaveLength(7);
    expect(body.usualSize.place).toEqual({ min: 250_000, max: 500_000 });
    expect(body.provenance.derivation).toContain('2025/26 registered population');
    const xlsx = await get('/api/places?icb=QWE&format=xlsx', as.qweViewer);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain('places-QWE.xlsx');
  });

  it('lets an editor of the ICB define a grouping; refuses a viewer, another ICB and a missing CSRF token', async () => {
    const grouping = {
      name: 'Two halves',
      icb: 'QWE',
      places: [
        { name: 'First', practices: qwePractices.slice(0, 100) },
        { name: 'Second', practices: qwePractices.slice(100) },
      ],
    };
    const before = await stored();
    expect((await post('/api/places/groupings', as.qweViewer, grouping)).statusCode).toBe(403);
    const otherIcb = await post('/api/places/groupings', as.qkkEditor, grouping);
    expect(otherIcb.statusCode).toBe(403);
    expect(otherIcb.json().error.where.parameter).toBe('organisation');
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/places/groupings',
      headers: as.qweEditor.read,
      payload: grouping,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await stored()).toEqual(before);
    const made = await post('/api/places/groupings', as.qweEditor, grouping);
    expect(made.statusCode).toBe(201);
    expect(made.json()).toEqual({ name: 'Two halves', icbCode: 'QWE', places: 2 });
    const shown = (await get('/api/places?icb=QWE&grouping=Two%20halves', as.qweViewer)).json();
    expect(shown.places.map((p: { name: string }) => p.name)).toEqual(['First', 'Second']);
    expect((await del('/api/places/groupings/Two%20halves', as.qkkEditor)).statusCode).toBe(403);
    expect((await del('/api/places/groupings/Two%20halves', as.londonEditor)).statusCode).toBe(204);
    expect((await del('/api/places/groupings/Two%20halves', as.londonEditor)).statusCode).toBe(404);
  });

  it('refuses overlapping places naming the practice, and stores nothing', async () => {
    const before = await stored();
    const response = await post('/api/places/groupings', as.qweEditor, {
      name: 'Overlap',
      icb: 'QWE',
      places: [
        { name: 'All', practices: qwePractices },
        { name: 'Again', practices: [qwePractices[0]!] },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'FP_PLACE_OVERLAP',
      where: { parameter: 'places[].practices' },
    });
    expect(response.json().error.received).toContain(qwePractices[0]);
    expect(await stored()).toEqual(before);
  });
});

describe('networks', () => {
  it('lists the register and shows a network with its flows', async () => {
    const list = (await get('/api/networks', as.qweViewer)).json();
    expect(list.rows).toHaveLength(21);
    expect(list.types).toHaveLength(13);
    const one = await get('/api/networks/SEL%20Dental', as.qweViewer);
    expect(one.statusCode).toBe(200);
    expect(one.json().network).toMatchObject({ icbs: ['QKK'], shipped: true });
    expect((await get('/api/networks/Nowhere', as.qweViewer)).statusCode).toBe(404);
  });

  it('adds a network for editors covering every footprint ICB; 403 otherwise; 400 for unknown ICBs', async () => {
    const network = {
      name: 'South London Renal Network',
      type: 'renal',
      icbs: ['QKK', 'QWE'],
      providers: ['RJ1', 'RJZ'],
    };
    const before = await stored();
    expect((await post('/api/networks', as.qweViewer, network)).statusCode).toBe(403);
    expect((await post('/api/networks', as.qkkEditor, network)).statusCode).toBe(403);
    expect((await post('/api/networks', as.northWestEditor, network)).statusCode).toBe(403);
    const unknown = await post('/api/networks', as.nationalAdmin, { ...network, icbs: ['QWE', 'ZZZ'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'FP_NETWORK_UNKNOWN_ICB', received: 'ZZZ' });
    expect(await stored()).toEqual(before);
    const made = await post('/api/networks', as.londonEditor, network);
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ owner: 'Y56', typeName: 'Renal', shipped: false });
    const shown = (await get('/api/networks/South%20London%20Renal%20Network', as.qweViewer)).json();
    expect(shown.flows.length).toBeGreaterThan(0);
    const named = await ws.all<{ code: string; name: string }>(
      "SELECT provider_code AS code, name FROM provider WHERE provider_code IN ('RJ1', 'RJZ') ORDER BY provider_code",
    );
    expect(shown.members.providers).toEqual(
      named.map((p) => ({ code: p.code, label: `${organisationName(p.name)} (${p.code})` })),
    );
    for (const flow of shown.flows) {
      expect(flow.providerIcbName).not.toBe(flow.providerIcb);
      expect(flow.residentIcbName).not.toBe(flow.residentIcb);
    }
    expect((await del('/api/networks/South%20London%20Renal%20Network', as.qweEditor)).statusCode).toBe(403);
    expect((await del('/api/networks/South%20London%20Renal%20Network', as.londonEditor)).statusCode).toBe(204);
  });

  it('never removes a shipped network (409), even for national', async () => {
    const response = await del('/api/networks/SWL%20ENT', as.nationalAdmin);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('FP_NETWORK_SHIPPED');
  });
});

describe('triangulation and wiring', () => {
  it('answers the triangulation report for a footprint, with an Excel export of services and summary', async () => {
    const response = await get('/api/triangulation?footprint=South%20London', as.qweViewer);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.footprint.icbs.map((i: { code: string }) => i.code)).toEqual(['QKK', 'QWE']);
    expect(body.summary.map((s: { classification: string }) => s.classification)).toEqual([
      'aligned',
      'coordinate-across-icbs',
      'coordinate-across-regions',
    ]);
    const xlsx = await get('/api/triangulation?footprint=South%20London&format=xlsx', as.qweViewer);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/triangulation-South-London/);
  });

  it('refuses neither footprint nor ICB, and a bad threshold', async () => {
    expect((await get('/api/triangulation', as.qweViewer)).json().error.code).toBe('FP_TRIANGULATION_BAD_OPTION');
    const threshold = await get('/api/triangulation?icb=QWE&threshold=0.9', as.qweViewer);
    expect(threshold.json().error).toMatchObject({
      code: 'FP_TRIANGULATION_BAD_OPTION',
      where: { parameter: 'threshold' },
    });
  });

  it('shows who does what for a service', async () => {
    const response = await get('/api/wiring?icb=QWE', as.qweViewer);
    expect(response.statusCode).toBe(200);
    const first = response.json().services[0];
    expect(first.rows.map((r: { level: string }) => r.level)).toEqual(['national', 'multi-icb', 'icb', 'place']);
  });
});
