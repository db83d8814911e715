// The scenario editor's routes: templates and choices for anyone signed in; the draft check for editors
// only (401 signed out, 403 for a viewer), reporting every problem by field path and storing nothing.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
let as: Record<'qweEditor' | 'qweViewer', SignedInClient>;

const draft = (changes: Record<string, unknown> = {}) => ({
  version: 1,
  name: 'Draft',
  baseYear: '2024/25',
  years: 1,
  units: ['QWE'],
  growth: { demographic: [0.01], nonDemographic: { default: [0.02] }, inflation: [0.02] },
  qipp: [],
  allocation: { growth: [0.025] },
  ...changes,
});

const check = (who: SignedInClient, scenario: unknown) =>
  app.inject({ method: 'POST', url: '/api/planning/scenarios/check', headers: who.change, payload: { scenario } });

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  app = await buildApp({ workspace: ws });
  as = { qweEditor: await signIn(app, 'qweEditor'), qweViewer: await signIn(app, 'qweViewer') };
});

afterAll(async () => {
  await app.close();
  ws.close();
});

describe('scenario editor routes', () => {
  it('401 when signed out', async () => {
    for (const [method, url] of [
      ['GET', '/api/planning/templates'],
      ['GET', '/api/planning/choices'],
      ['POST', '/api/planning/scenarios/check'],
    ] as const) {
      const response = await app.inject({
        method,
        url,
        payload: method === 'POST' ? { scenario: draft() } : undefined,
      });
      expect(response.statusCode, url).toBe(401);
    }
  });

  it('gives the shipped templates (current round and the 2017 seed) and what a scenario may name', async () => {
    const templates = (await app.inject({ url: '/api/planning/templates', headers: as.qweViewer.read })).json();
    expect(templates.rows).toEqual([
      expect.objectContaining({
        id: 'current-planning-round',
        scenario: expect.objectContaining({ baseYear: '2025/26', years: 3 }),
      }),
      expect.objectContaining({
        id: 'south-of-england-2017',
        scenario: expect.objectContaining({ baseYear: '2016/17', years: 4 }),
      }),
    ]);
    const choices = (await app.inject({ url: '/api/planning/choices', headers: as.qweViewer.read })).json();
    // The test activity covers 2023/24 and 2024/25 only.
    expect(choices.baseYears).toEqual(['2023/24', '2024/25']);
    expect(choices.icbs).toContainEqual({ code: 'QWE', name: 'NHS South West London Integrated Care Board' });
    expect(choices.pods).toContain('HCD');
    expect(choices.providers.length).toBeGreaterThan(100);
    expect(choices.services.length).toBeGreaterThan(50);
    expect(choices.footprints.every((f: { members: string[] }) => f.members.length > 1)).toBe(true);
  });

  it('403 for a viewer', async () => {
    const response = await check(as.qweViewer, draft());
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'FP_AUTH_FORBIDDEN', where: { parameter: 'role' } });
  });

  it('reports every problem by field path, including a base year without activity; stores nothing', async () => {
    expect((await check(as.qweEditor, draft())).json()).toEqual({ problems: [] });
    const shape = await check(
      as.qweEditor,
      draft({ qipp: [{ name: 'Odd', type: 'transactional', scope: {}, rates: [-0.5], startMonth: [13] }] }),
    );
    expect(shape.json().problems).toEqual([
      expect.objectContaining({
        code: 'FP_PLAN_BAD_RATE',
        where: { field: 'qipp[0].rates[0]', parameter: 'body.scenario.qipp[0].rates[0]' },
        received: '-0.5',
      }),
      expect.objectContaining({
        code: 'FP_PLAN_BAD_START_MONTH',
        where: expect.objectContaining({ field: 'qipp[0].startMonth[0]' }),
      }),
    ]);
    const workspace = await check(as.qweEditor, draft({ baseYear: '2016/17', units: ['QWE', 'footprint:Nowhere'] }));
    expect(
      workspace.json().problems.map((p: { code: string; where: { field: string } }) => [p.code, p.where.field]),
    ).toEqual([
      ['FP_PLAN_UNKNOWN_UNIT', 'units[1]'],
      ['FP_PLAN_NO_BASE_YEAR', 'baseYear'],
    ]);
    expect(await ws.all('SELECT name FROM scenario')).toEqual([]);
  });
});
