// Planning routes: scenarios read by anyone signed in and changed only by editors covering the owner and
// every ICB planned (401 signed out, 403 wrong role, 403 wrong organisation); scenario problems name the
// field path; a refused change stores nothing and leaves no audit event; the plan as JSON, CSV and a workbook.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
let as: Record<'nationalAdmin' | 'londonEditor' | 'qweEditor' | 'qweViewer' | 'qkkEditor', SignedInClient>;

/** A two-year plan for South West London (QWE) on the test workspace's 2023/24 activity. */
const scenario = (changes: Record<string, unknown> = {}) => ({
  version: 1,
  name: 'QWE plan',
  baseYear: '2023/24',
  years: 2,
  units: ['QWE'],
  growth: { demographic: [0.01, 0.01], nonDemographic: { default: [0.02, 0.02] }, inflation: [0.02, 0.02] },
  qipp: [
    { name: 'Pathways', type: 'transformational', scope: {}, rates: [0.03, 0.01], startMonth: [7, 1] },
    { name: 'Drugs', type: 'transactional', scope: { pods: ['HCD'] }, rates: [0.02, 0.01] },
  ],
  allocation: { growth: [0.025, 0.025], controlTotals: { QWE: [0, 100000] } },
  ...changes,
});

const stored = () => ws.all('SELECT name, owner_organisation, revision FROM scenario ORDER BY name');
const audited = () => ws.all("SELECT action, object_id FROM audit_event WHERE object_type = 'scenario' ORDER BY seq");

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  as = {
    nationalAdmin: await signIn(app, 'nationalAdmin'),
    londonEditor: await signIn(app, 'londonEditor'),
    qweEditor: await signIn(app, 'qweEditor'),
    qweViewer: await signIn(app, 'qweViewer'),
    qkkEditor: await signIn(app, 'qkkEditor'),
  };
});

afterAll(async () => {
  await app.close();
  ws.close();
});

describe('planning routes', () => {
  it('401 on every route when signed out', async () => {
    for (const [method, url] of [
      ['GET', '/api/planning/scenarios'],
      ['POST', '/api/planning/scenarios'],
      ['GET', '/api/planning/scenarios/QWE%20plan'],
      ['PUT', '/api/planning/scenarios/QWE%20plan'],
      ['DELETE', '/api/planning/scenarios/QWE%20plan'],
      ['GET', '/api/planning/scenarios/QWE%20plan/plan'],
    ] as const) {
      const response = await app.inject({
        method,
        url,
        payload: method === 'POST' || method === 'PUT' ? { scenario: scenario() } : undefined,
      });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('403 for a viewer, and for an editor of another ICB; nothing stored', async () => {
    const viewer = await app.inject({
      method: 'POST',
      url: '/api/planning/scenarios',
      headers: as.qweViewer.change,
      payload: { scenario: scenario() },
    });
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().error).toMatchObject({ code: 'FP_AUTH_FORBIDDEN', where: { parameter: 'role' } });
    const other = await app.inject({
      method: 'POST',
      url: '/api/planning/scenarios',
      headers: as.qkkEditor.change,
      payload: { scenario: scenario() },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatchObject({ code: 'FP_AUTH_FORBIDDEN', where: { parameter: 'organisation' } });
    expect(await stored()).toEqual([]);
  });

  it('400 naming the field path for a bad scenario; nothing stored, nothing audited', async () => {
    const bad = scenario({ qipp: [{ name: 'Odd', type: 'transactional', scope: {}, rates: [0.02, 1.5] }] });
    const response = await app.inject({
      method: 'POST',
      url: '/api/planning/scenarios',
      headers: as.qweEditor.change,
      payload: { scenario: bad },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'FP_PLAN_BAD_RATE',
      where: { parameter: 'body.scenario.qipp[0].rates[1]' },
      received: '1.5',
    });
    expect(await stored()).toEqual([]);
    expect(await audited()).toEqual([]);
  });

  it('an editor adds a scenario for their ICB; everyone reads it; the plan comes as JSON, CSV and a workbook', async () => {
    const added = await app.inject({
      method: 'POST',
      url: '/api/planning/scenarios',
      headers: as.qweEditor.change,
      payload: { scenario: scenario() },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ name: 'QWE plan', owner: 'QWE', revision: 1, canEdit: true });
    expect(await audited()).toEqual([{ action: 'create', object_id: 'QWE plan' }]);

    const list = await app.inject({ method: 'GET', url: '/api/planning/scenarios', headers: as.qkkEditor.read });
    expect(list.json().rows).toEqual([expect.objectContaining({ name: 'QWE plan', canEdit: false })]);
    const one = await app.inject({
      method: 'GET',
      url: '/api/planning/scenarios/QWE%20plan',
      headers: as.qweViewer.read,
    });
    expect(one.json().scenario).toEqual(scenario());

    const plan = await app.inject({
      method: 'GET',
      url: '/api/planning/scenarios/QWE%20plan/plan',
      headers: as.qweViewer.read,
    });
    expect(plan.statusCode).toBe(200);
    const body = plan.json();
    expect(body.rows.map((r: { financialYear: string }) => r.financialYear)).toEqual(['2024/25', '2025/26']);
    const [y1, y2] = body.rows;
    // The test activity is all APC_EL, so only Pathways saves: 3% × 6 ÷ 12 = 1.5% of do-nothing in year 1,
    // 3% + 1% = 4% in year 2; transactional (Drugs, HCD only) saves nothing.
    expect(y1.qippSaving / y1.doNothing).toBeCloseTo(0.015, 10);
    expect(y2.qippSaving / y2.doNothing).toBeCloseTo(0.04, 10);
    expect(y1.transactionalSaving).toBe(0);
    // Do-nothing = base × 1.01 × 1.02 × 1.02; allocation = base × 1.025; gap and control total distance.
    expect(y1.doNothing).toBeCloseTo(y1.previousDoNothing * 1.01 * 1.02 * 1.02, 4);
    expect(y1.allocation).toBeCloseTo(y1.previousDoNothing * 1.025, 4);
    expect(y2.distanceToControlTotal).toBeCloseTo(y2.allocation - y2.planSpend - 100_000, 4);
    expect(body.provenance).toMatchObject({ dataset: 'api-test', scenarioRevision: 1 });
    expect(body.schemes.every((s: { scheme: string }) => s.scheme === 'Pathways')).toBe(true);
    expect(await ws.all('SELECT scenario_name FROM plan_result')).toEqual([{ scenario_name: 'QWE plan' }]);

    const csv = await app.inject({
      method: 'GET',
      url: '/api/planning/scenarios/QWE%20plan/plan?format=csv',
      headers: as.qweViewer.read,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toMatch(/^unit,unitName,financialYear,previousDoNothing/);
    const xlsx = await app.inject({
      method: 'GET',
      url: '/api/planning/scenarios/QWE%20plan/plan?format=xlsx',
      headers: as.qweViewer.read,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'About',
      'Inputs',
      'South West London',
      'Plan',
      'QIPP by scheme',
      'QIPP by provider',
    ]);
    // The inputs are defined names and the unit's plan spend a formula carrying the app's figure.
    expect(book.definedNames.model.map((n) => n.name)).toContain('Inflation');
    const unit = book.getWorksheet('South West London')!;
    const planSpend = unit.getRow(unit.getColumn(1).values.indexOf('Plan spend'));
    expect(planSpend.getCell(4).formula).toMatch(/^D\d+-D\d+$/);
    expect(planSpend.getCell(4).result).toBeCloseTo(plan.json().rows[0].planSpend, 2);
  });

  it('replace and remove: 403 for another ICB, allowed for the owner and its region', async () => {
    const other = await app.inject({
      method: 'PUT',
      url: '/api/planning/scenarios/QWE%20plan',
      headers: as.qkkEditor.change,
      payload: { scenario: scenario({ years: 1 }) },
    });
    expect(other.statusCode).toBe(403);
    const gone = await app.inject({
      method: 'DELETE',
      url: '/api/planning/scenarios/QWE%20plan',
      headers: as.qkkEditor.change,
    });
    expect(gone.statusCode).toBe(403);
    expect(await stored()).toEqual([{ name: 'QWE plan', owner_organisation: 'QWE', revision: 1 }]);

    const replaced = await app.inject({
      method: 'PUT',
      url: '/api/planning/scenarios/QWE%20plan',
      headers: as.londonEditor.change,
      payload: { scenario: scenario({ description: 'Checked by London' }) },
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ revision: 2, owner: 'QWE' });
    const removed = await app.inject({
      method: 'DELETE',
      url: '/api/planning/scenarios/QWE%20plan',
      headers: as.qweEditor.change,
    });
    expect(removed.statusCode).toBe(204);
    expect(await stored()).toEqual([]);
    expect((await audited()).map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    const missing = await app.inject({
      method: 'GET',
      url: '/api/planning/scenarios/QWE%20plan/plan',
      headers: as.qweViewer.read,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('FP_PLAN_SCENARIO_NOT_FOUND');
  });
});

// Last, because it stores a second scenario the tests above do not expect.
describe('comparison', () => {
  it('compares two stored scenarios side by side, as JSON and as a workbook; one scenario is a 400', async () => {
    for (const second of [
      scenario({ name: 'QWE steady' }),
      scenario({ name: 'QWE stretch', allocation: { growth: [0.02, 0.02] } }),
    ]) {
      const added = await app.inject({
        method: 'POST',
        url: '/api/planning/scenarios',
        headers: as.qweEditor.change,
        payload: { scenario: second },
      });
      expect(added.statusCode).toBe(201);
    }
    const url = '/api/planning/compare?s=QWE%20steady&s=QWE%20stretch';
    const json = await app.inject({ method: 'GET', url, headers: as.qweViewer.read });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ unit: 'QWE', scenarios: ['QWE steady', 'QWE stretch'] });
    const control = json.json().figures.find((f: { key: string }) => f.key === 'finalControlTotal');
    expect(control.values).toEqual([100000, 'not set']);
    const distance = json.json().figures.find((f: { key: string }) => f.key === 'finalDistance');
    expect(distance.values[1]).toBe('not computed');
    const xlsx = await app.inject({ method: 'GET', url: `${url}&format=xlsx`, headers: as.qweViewer.read });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Comparison', 'Gap by year']);
    const one = await app.inject({
      method: 'GET',
      url: '/api/planning/compare?s=QWE%20plan',
      headers: as.qweViewer.read,
    });
    expect(one.statusCode).toBe(400);
    expect(one.json().error).toMatchObject({ code: 'FP_PLAN_BAD_COMPARISON', where: { parameter: 's' } });
  });
});
