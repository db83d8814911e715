// The what-if and QIPP delivery routes of a stored scenario: answered in the core's shapes (the route
// validates them), a plan year outside the scenario named as the parameter, an unknown scenario a 404, and
// the what-if workbook and delivery CSV from the same rows.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qippDeliveryAnswerSchema } from '../../../src/core/qipp/qipp-delivery.ts';
import { whatIfAnswerSchema } from '../../../src/core/service-change/index.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
let editor: SignedInClient;
let viewer: SignedInClient;
const NAME = 'Consolidation what-if';

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  const rows = await ws.all<{ service: string; provider: string }>(
    `WITH busiest AS (SELECT service_code FROM flow WHERE vintage = '2026' AND financial_year = '2024/25'
       GROUP BY ALL ORDER BY count(DISTINCT provider_code) DESC, service_code LIMIT 1)
     SELECT DISTINCT f.service_code AS service, f.provider_code AS provider FROM flow f JOIN busiest USING (service_code)
     WHERE f.vintage = '2026' AND f.financial_year = '2024/25' ORDER BY provider LIMIT 3`,
  );
  expect(rows).toHaveLength(3);
  app = await buildApp({ workspace: ws });
  editor = await signIn(app, 'qweEditor');
  viewer = await signIn(app, 'qweViewer');
  const saved = await app.inject({
    method: 'POST',
    url: '/api/planning/scenarios',
    headers: editor.change,
    payload: {
      scenario: {
        version: 1,
        name: NAME,
        baseYear: '2024/25',
        years: 2,
        units: ['QWE'],
        growth: { demographic: [0.01, 0.01], nonDemographic: { default: [0.02, 0.02] }, inflation: [0.02, 0.02] },
        qipp: [{ name: 'Drugs', type: 'transactional', scope: {}, rates: [0.02, 0.01] }],
        allocation: { growth: [0.025, 0.025] },
        changes: [
          {
            type: 'consolidate',
            service: rows[0]!.service,
            fromProviders: [rows[0]!.provider, rows[1]!.provider],
            toProviders: [rows[2]!.provider],
            startYear: '2026/27',
          },
        ],
      },
    },
  });
  expect(saved.statusCode, saved.body).toBe(201);
});

afterAll(async () => {
  await app.close();
  ws.close();
});

describe('what-if and QIPP delivery routes', () => {
  it('answer in the core shapes; money moves without vanishing; nothing moves before the start year', async () => {
    const response = await app.inject({
      url: `/api/planning/scenarios/${encodeURIComponent(NAME)}/whatif`,
      headers: viewer.read,
    });
    expect(response.statusCode, response.body).toBe(200);
    const answer = whatIfAnswerSchema.parse(response.json());
    expect(answer.years.map((y) => [y.financialYear, y.difference])).toEqual([
      ['2025/26', 0],
      ['2026/27', 0],
    ]);
    expect(answer.rows.every((r) => r.financialYear === '2026/27')).toBe(true);
    expect(answer.rows.length).toBeGreaterThan(0);
    const delivery = await app.inject({
      url: `/api/planning/scenarios/${encodeURIComponent(NAME)}/qipp-delivery`,
      headers: viewer.read,
    });
    expect(delivery.statusCode, delivery.body).toBe(200);
    const rows = qippDeliveryAnswerSchema.parse(delivery.json()).rows;
    expect(rows.map((r) => r.level)).toEqual(['scheme', 'unit', 'total']);
    expect(rows[0]).toMatchObject({ monthsReported: 0, rag: null });
  });

  it('names the year parameter, 404s an unknown scenario, and exports the same rows', async () => {
    const year = await app.inject({
      url: `/api/planning/scenarios/${encodeURIComponent(NAME)}/whatif?year=2031/32`,
      headers: viewer.read,
    });
    expect(year.statusCode).toBe(400);
    expect(year.json().error).toMatchObject({ code: 'FP_PLAN_BAD_CHANGE', where: { parameter: 'year' } });
    const missing = await app.inject({ url: '/api/planning/scenarios/Nothing/whatif', headers: viewer.read });
    expect(missing.statusCode).toBe(404);
    const book = await app.inject({
      url: `/api/planning/scenarios/${encodeURIComponent(NAME)}/whatif?format=xlsx`,
      headers: viewer.read,
    });
    expect(book.statusCode).toBe(200);
    expect(book.headers['content-type']).toContain('spreadsheetml');
    const csv = await app.inject({
      url: `/api/planning/scenarios/${encodeURIComponent(NAME)}/qipp-delivery?format=csv`,
      headers: viewer.read,
    });
    expect(csv.body.split('\r\n')[0]).toMatch(/^level,unitName,scheme,financialYear,/);
  });

  it('imports monthly actuals for an editor of the owner; refuses a viewer and another ICB; names a bad row', async () => {
    const url = `/api/planning/scenarios/${encodeURIComponent(NAME)}/qipp-actuals`;
    const csv = 'scheme,unit,month,saving\nDrugs,QWE,1,"1,000.50"\nDrugs,QWE,2,£999.50\n';
    const post = (who: SignedInClient, payload: { year: string; csv: string }) =>
      app.inject({ method: 'POST', url, headers: who.change, payload });
    const ok = await post(editor, { year: '2025/26', csv });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ imported: 2 });
    const delivery = qippDeliveryAnswerSchema.parse(
      (await app.inject({ url: url.replace('qipp-actuals', 'qipp-delivery'), headers: viewer.read })).json(),
    );
    const row = delivery.rows.find((r) => r.level === 'scheme')!;
    expect([row.monthsReported, row.actualToDate, row.actualByMonth]).toEqual([2, 2_000, [1_000.5, 999.5]]);
    expect((await post(viewer, { year: '2025/26', csv })).statusCode).toBe(403);
    const outside = await post(await signIn(app, 'qkkEditor'), { year: '2025/26', csv });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error).toMatchObject({ code: 'FP_AUTH_FORBIDDEN', where: { parameter: 'name' } });
    const bad = await post(editor, { year: '2025/26', csv: 'scheme,unit,month,saving\nDrugs,QWE,13,5\n' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'FP_QIPP_ACTUALS_BAD_ROW',
      message: 'Row 1, month: The month is not 1–12.',
      where: { parameter: 'body.csv' },
    });
    const year = await post(editor, { year: '2031/32', csv });
    expect(year.json().error).toMatchObject({ code: 'FP_QIPP_BAD_YEAR', where: { parameter: 'body.year' } });
    // Nothing refused replaced what was imported.
    const after = qippDeliveryAnswerSchema.parse(
      (await app.inject({ url: url.replace('qipp-actuals', 'qipp-delivery'), headers: viewer.read })).json(),
    );
    expect(after.rows.find((r) => r.level === 'scheme')!.actualToDate).toBe(2_000);
  });
});
