// Delegation status through the API: the services list and the service page for a chosen ICB and year,
// on the real reference data. Services are looked up from the catalogue, never named.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCurrentServices } from '../../../src/data/queries/services-catalogue.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
let viewer: SignedInClient;
let delegatedCode: string;
const icbs: Record<string, string> = {};

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  viewer = await signIn(app, 'qweViewer');
  delegatedCode = (await listCurrentServices(ws)).find((s) => s.delegated2023 === true)!.serviceCode;
  for (const region of ['North West', 'London']) {
    icbs[region] = (await ws.one<{ code: string }>(
      `SELECT i.icb_code AS code FROM icb i JOIN region r USING (vintage, region_code)
        WHERE i.vintage = '2026' AND r.name = $1 ORDER BY i.icb_code LIMIT 1`,
      [region],
    ))!.code;
  }
});

afterAll(async () => {
  await app.close();
  ws.close();
});

const get = (url: string) => app.inject({ method: 'GET', url, headers: viewer.read });

describe('delegation status on the services routes', () => {
  it('GET /api/services?icb=&year=2024/25: a North West and a London ICB differ for a delegated service', async () => {
    const nw = (await get(`/api/services?icb=${icbs['North West']}&year=2024/25`)).json();
    const ldn = (await get(`/api/services?icb=${icbs.London}&year=2024/25`)).json();
    expect(nw.delegation).toMatchObject({
      icbCode: icbs['North West'],
      regionName: 'North West',
      financialYear: '2024/25',
    });
    expect(nw.delegation.byService[delegatedCode].arrangement).toBe('delegated');
    expect(ldn.delegation.byService[delegatedCode]).toMatchObject({
      arrangement: 'joint-committee',
      jointCommittee: 'London specialised services joint committee',
    });
    // Every row of the list has a status.
    expect(Object.keys(ldn.delegation.byService).sort()).toEqual(ldn.rows.map((r: { code: string }) => r.code).sort());
    expect((await get('/api/services')).json().delegation).toBeNull();
  });

  it('quotes one count of delegated services, the one the catalogue’s own rows give', async () => {
    const body = (await get('/api/services')).json();
    const rows = body.rows as { delegated2023: boolean | null; delegated2025: boolean | null }[];
    // In the 70 when flagged for 2025, or among the 59 (which are all in the 70).
    const named = rows.filter((r) => r.delegated2025 === true || r.delegated2023 === true).length;
    expect(body.delegatedCount).toMatchObject({ financialYear: '2025/26', boardTotal: 70, inCatalogue: named });
    expect(body.delegatedCount.label).toContain(`${named} of the 70 services`);
    const unknown = rows.filter((r) => r.delegated2025 === null && r.delegated2023 !== true).length;
    expect(body.delegatedCount.notKnown).toBe(unknown);
  });

  it('the service page gives the ICB’s three years', async () => {
    const body = (await get(`/api/services/${encodeURIComponent(delegatedCode)}?icb=${icbs.London}`)).json();
    expect(
      body.delegation.years.map((s: { financialYear: string; arrangement: string }) => [
        s.financialYear,
        s.arrangement,
      ]),
    ).toEqual([
      ['2023/24', 'joint-committee'],
      ['2024/25', 'joint-committee'],
      ['2025/26', 'delegated'],
    ]);
  });

  it('the ICB page counts and costs its services per arrangement; they add up to the catalogue and its spend', async () => {
    const catalogue = (await get('/api/services?year=2024/25')).json().rows.length;
    const arrangements: Record<string, Record<string, number>> = {};
    for (const region of ['North West', 'London']) {
      const body = (await get(`/api/icbs/${icbs[region]}?year=2024/25`)).json();
      const groups = body.delegation.byArrangement as { arrangement: string; services: number; spend: number }[];
      expect(groups.reduce((s, g) => s + g.services, 0)).toBe(catalogue);
      const spend = (body.spendByService as { spend: number }[]).reduce((s, r) => s + r.spend, 0);
      expect(groups.reduce((s, g) => s + g.spend, 0)).toBeCloseTo(spend, 2);
      arrangements[region] = Object.fromEntries(groups.map((g) => [g.arrangement, g.services]));
    }
    // 2024/25: the 59 named in the catalogue are delegated in the North West and under a joint committee in London.
    expect(arrangements['North West']!.delegated).toBe(arrangements.London!['joint-committee']);
    expect(arrangements['North West']!.delegated).toBeGreaterThan(0);
    expect(arrangements.London!.delegated).toBe(0);
  });

  it('the CSV export carries the ICB’s arrangement by name', async () => {
    const csv = await get(`/api/services?icb=${icbs.London}&year=2024/25&format=csv`);
    expect(csv.statusCode).toBe(200);
    const [header, ...lines] = csv.body.trim().split('\r\n');
    expect(header).toContain('commissioning');
    const line = lines.find((l) => l.startsWith(`${delegatedCode},`) || l.startsWith(`"${delegatedCode}",`));
    expect(line).toContain('Joint committee (London specialised services joint committee)');
  });

  it('refuses an ICB that is not in the geography, naming the parameter', async () => {
    const response = await get('/api/services?icb=ZZZ&year=2024/25');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'FP_SERVICES_UNKNOWN_ICB', where: { parameter: 'icb' } });
  });

  it('needs a session', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/services?icb=${icbs.London}` });
    expect(response.statusCode).toBe(401);
  });
});
