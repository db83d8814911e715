// The atlas of variation and quality routes through the real app on a real workspace: figures against the
// stored atlas, Excel downloads, every route 401 when not signed in, derogation changes 403 for a viewer and
// for an organisation that does not cover the provider's host ICB (nothing stored), bad filters named.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSyntheticKpis } from '../../../src/data/quality/kpi-store.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
let qweViewer: SignedInClient;
let qweEditor: SignedInClient;
let qkkEditor: SignedInClient;
let nationalAdmin: SignedInClient;
/** A provider hosted in QWE (South West London), for derogations. */
let qweProvider: string;

beforeAll(async () => {
  ws = await createApiWorkspace(20_000);
  await seedSyntheticKpis(ws, 7);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  qweViewer = await signIn(app, 'qweViewer');
  qweEditor = await signIn(app, 'qweEditor');
  qkkEditor = await signIn(app, 'qkkEditor');
  nationalAdmin = await signIn(app, 'nationalAdmin');
  qweProvider = (await ws.one<{ code: string }>(
    "SELECT provider_code AS code FROM provider WHERE host_icb = 'QWE' ORDER BY provider_code LIMIT 1",
  ))!.code;
}, 120_000);

afterAll(async () => {
  await app.close();
  ws.close();
});

const get = (url: string, client?: SignedInClient) => app.inject({ method: 'GET', url, headers: client?.read ?? {} });

describe('atlas of variation API', () => {
  it('computes the atlas on first use and answers one service, year and measure for every ICB', async () => {
    const response = await get('/api/variation?measure=activity', qweViewer);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.rates).toHaveLength(36);
    expect(body.funnel).toHaveLength(100);
    expect(body.choices.years).toEqual(['2023/24', '2024/25']);
    expect(body.provenance.derivation).toContain('European Standard Population 2013');
    // The crude rate is the ICB's activity over its registered population, read here independently.
    const qwe = body.rates.find((r: { icbCode: string }) => r.icbCode === 'QWE');
    const expected = await ws.one<{ events: number; population: number }>(
      `SELECT (SELECT CAST(sum(a.activity) AS DOUBLE) FROM activity a JOIN residence_map m ON m.code = a.residence_code
                WHERE m.icb_2026 = 'QWE' AND a.service_code = $1 AND a.financial_year = $2) AS events,
              (SELECT CAST(sum(persons) AS DOUBLE) FROM population WHERE area_type = 'icb' AND area_code = 'QWE') AS population`,
      [body.service.code, body.year],
    );
    expect(qwe.events).toBe(expected!.events);
    expect(qwe.crudeRate).toBeCloseTo((expected!.events / expected!.population) * 100_000, 9);
    expect(body.overTime.map((v: { financialYear: string }) => v.financialYear)).toEqual(['2023/24', '2024/25']);
  });

  it('downloads the rates and the spread as an Excel workbook', async () => {
    const response = await get('/api/variation?measure=activity&year=2024/25&format=xlsx', qweViewer);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Rates by ICB', 'Variation over time']);
    expect(workbook.worksheets[0]!.rowCount).toBe(37);
  });

  it('lists the spread across ICBs for every service, and where an ICB is an outlier', async () => {
    const spread = (await get('/api/variation/spread?year=2024/25', qweViewer)).json();
    expect(spread.rows.length).toBeGreaterThan(0);
    type Spread = { narrowing: boolean | null; cv: number | null; previousCv: number | null };
    // Narrowing is stated wherever both years have a spread, and means the CV fell.
    const compared = spread.rows.filter((r: Spread) => r.cv !== null && r.previousCv !== null);
    expect(compared.length).toBeGreaterThan(0);
    for (const r of compared as Spread[]) expect(r.narrowing).toBe(r.cv! < r.previousCv!);
    const icb = (await get('/api/variation/icbs/qwe?year=2024/25', qweViewer)).json();
    expect(icb.icb.code).toBe('QWE');
    expect(icb.peers).toHaveLength(5);
    expect(icb.outliers.every((r: { significance: string }) => /^(High|Low)/.test(r.significance))).toBe(true);
  });

  it('names a service, year or ICB the atlas does not hold', async () => {
    const service = await get('/api/variation?service=NOPE', qweViewer);
    expect(service.statusCode).toBe(400);
    expect(service.json().error).toMatchObject({ code: 'FP_ATLAS_BAD_FILTER', where: { parameter: 'service' } });
    const year = await get('/api/variation?year=2019/20', qweViewer);
    expect(year.json().error).toMatchObject({ code: 'FP_ATLAS_BAD_FILTER', where: { parameter: 'year' } });
    expect((await get('/api/variation/icbs/ZZZ', qweViewer)).statusCode).toBe(404);
  });
});

describe('quality API', () => {
  it('lists the synthetic KPIs with SPC icons and an escalation status from the shipped rules', async () => {
    const body = (await get('/api/quality/kpis', qweViewer)).json();
    expect(body.rows).toHaveLength(24);
    expect(body.rules.owner).toMatch(/\S/);
    // Each KPI names what it is about: the service and the provider by name, not only by code.
    type Named = { serviceCode: string; serviceName: string; providerCode: string | null; providerName: string | null };
    for (const row of body.rows as Named[]) {
      expect(row.serviceName, row.serviceCode).not.toBe(row.serviceCode);
      if (row.providerCode) expect(row.providerName, row.providerCode).toMatch(/[a-z]/);
    }
    const statuses = new Set(body.rows.map((r: { status: string }) => r.status));
    expect(statuses.has('escalate-to-cqrm')).toBe(true);
    const escalated = (await get('/api/quality/kpis?status=escalate-to-cqrm', qweViewer)).json();
    expect(escalated.rows.every((r: { status: string }) => r.status === 'escalate-to-cqrm')).toBe(true);
    const one = (await get(`/api/quality/kpis/${encodeURIComponent(body.rows[0].kpiId)}`, qweViewer)).json();
    expect(one.points).toHaveLength(24);
    expect(one.points[0]).toHaveProperty('upl');
    expect((await get('/api/quality/kpis/NO-SUCH-KPI', qweViewer)).json().error).toMatchObject({
      code: 'FP_KPI_NOT_FOUND',
      where: { parameter: 'id' },
    });
  });

  it('an ICB editor records a derogation for a provider hosted in their ICB; it is audited', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/quality/derogations',
      headers: qweEditor.change,
      payload: {
        providerCode: qweProvider,
        serviceCode: '11',
        clause: '4.1 Consultant-led MDT weekly',
        agreedDate: '2027-03-31',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      providerCode: qweProvider,
      status: 'open',
      ownerOrganisation: 'QWE',
      overdue: false,
    });
    const audit = await ws.one<{ n: number }>(
      "SELECT CAST(count(*) AS INTEGER) AS n FROM audit_event WHERE object_type = 'derogation' AND action = 'create'",
    );
    expect(audit!.n).toBe(1);
    const closed = await app.inject({
      method: 'POST',
      url: `/api/quality/derogations/${response.json().id}/status`,
      headers: qweEditor.change,
      payload: { status: 'compliant' },
    });
    expect(closed.json().status).toBe('compliant');
    const list = (await get('/api/quality/derogations', qweViewer)).json();
    expect(list.rows).toHaveLength(1);
  });

  it('refuses a viewer (403 role) and another ICB’s editor (403 organisation); nothing stored', async () => {
    const count = async () => (await ws.one<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM derogation'))!.n;
    const before = await count();
    const payload = { providerCode: qweProvider, serviceCode: '11', clause: 'x', agreedDate: '2027-03-31' };
    const viewer = await app.inject({
      method: 'POST',
      url: '/api/quality/derogations',
      headers: qweViewer.change,
      payload,
    });
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().error).toMatchObject({ code: 'FP_AUTH_FORBIDDEN', where: { parameter: 'role' } });
    const other = await app.inject({
      method: 'POST',
      url: '/api/quality/derogations',
      headers: qkkEditor.change,
      payload,
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatchObject({ code: 'FP_AUTH_FORBIDDEN', where: { parameter: 'organisation' } });
    const otherStatus = await app.inject({
      method: 'POST',
      url: '/api/quality/derogations/1/status',
      headers: qkkEditor.change,
      payload: { status: 'withdrawn' },
    });
    expect(otherStatus.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('names a bad derogation field: an impossible date, an unknown service', async () => {
    const bad = async (payload: object) =>
      (
        await app.inject({ method: 'POST', url: '/api/quality/derogations', headers: nationalAdmin.change, payload })
      ).json().error;
    expect(
      await bad({ providerCode: qweProvider, serviceCode: '11', clause: 'x', agreedDate: '2027-02-30' }),
    ).toMatchObject({
      code: 'FP_DEROGATION_BAD_INPUT',
      where: { parameter: 'agreedDate' },
      received: '2027-02-30',
    });
    expect(
      await bad({ providerCode: qweProvider, serviceCode: 'NOPE', clause: 'x', agreedDate: '2027-02-01' }),
    ).toMatchObject({
      code: 'FP_DEROGATION_BAD_INPUT',
      where: { parameter: 'serviceCode' },
      received: 'NOPE',
    });
    const missing = await app.inject({
      method: 'POST',
      url: '/api/quality/derogations/999/status',
      headers: nationalAdmin.change,
      payload: { status: 'open' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'FP_DEROGATION_NOT_FOUND', where: { parameter: 'id' } });
  });

  it('every variation and quality route needs sign-in (401)', async () => {
    for (const url of [
      '/api/variation',
      '/api/variation/spread',
      '/api/variation/icbs/QWE',
      '/api/quality/kpis',
      '/api/quality/kpis/X',
      '/api/quality/derogations',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(401);
    }
    for (const url of ['/api/quality/derogations', '/api/quality/derogations/1/status']) {
      const response = await app.inject({ method: 'POST', url, payload: {} });
      expect(response.statusCode, url).toBe(401);
    }
  });
});
