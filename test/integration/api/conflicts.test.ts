// Two people editing the same thing: each save says what it started from (a scenario's revision, the rating
// a review answer replaces); a save made from something older than what is stored is a 409 conflict naming
// what is there now, and changes nothing.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace, USERS } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
let qwe: SignedInClient;
let london: SignedInClient;

const scenario = (inflation: number) => ({
  version: 1,
  name: 'Shared plan',
  baseYear: '2023/24',
  years: 2,
  units: ['QWE'],
  growth: { demographic: [0.01, 0.01], nonDemographic: { default: [0.02, 0.02] }, inflation: [inflation, inflation] },
  qipp: [],
  allocation: { growth: [0.025, 0.025], controlTotals: { QWE: [0, 100000] } },
});

const send = (method: 'POST' | 'PUT', url: string, who: SignedInClient, payload: unknown) =>
  app.inject({ method, url, headers: who.change, payload: payload as object });

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  qwe = await signIn(app, 'qweEditor');
  london = await signIn(app, 'londonEditor');
});

afterAll(async () => {
  await app.close();
  ws.close();
});

describe('scenario saves', () => {
  it('the second of two saves from the same revision is a conflict; the first is kept', async () => {
    const created = await send('POST', '/api/planning/scenarios', qwe, { scenario: scenario(0.02) });
    expect(created.statusCode).toBe(201);
    const opened = created.json().revision as number;
    const url = '/api/planning/scenarios/Shared%20plan';
    const first = await send('PUT', url, qwe, { scenario: scenario(0.03), revision: opened });
    expect(first.statusCode).toBe(200);
    expect(first.json().revision).toBe(opened + 1);
    const second = await send('PUT', url, london, { scenario: scenario(0.04), revision: opened });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'FP_PLAN_SCENARIO_CONFLICT',
      where: { parameter: 'revision' },
      received: `revision ${opened}`,
      accepted: `revision ${opened + 1}, saved by ${USERS.qweEditor.email}`,
    });
    const stored = await ws.one<{ json: string; revision: number }>(
      "SELECT json, revision FROM scenario WHERE name = 'Shared plan'",
    );
    expect(stored?.revision).toBe(opened + 1);
    expect(JSON.parse(stored!.json).growth.inflation).toEqual([0.03, 0.03]);
    // Started again from what is stored, it goes through.
    const again = await send('PUT', url, london, { scenario: scenario(0.04), revision: opened + 1 });
    expect(again.statusCode).toBe(200);
  });
});

describe('review answers', () => {
  it('a rating saved over one the saver never saw is a conflict; the newer rating stays', async () => {
    const round = await send('POST', '/api/assurance/rounds', london, { name: 'Conflicts', icbs: ['QWE'] });
    expect(round.statusCode).toBe(201);
    const review = `/api/assurance/reviews/${round.json().id}-QWE/questions/pooled-budgets`;
    const rating = (rate: string, basedOn: string | null) => ({ rating: rate, evidenceText: '', links: [], basedOn });
    const first = await app.inject({ method: 'PUT', url: review, headers: qwe.change, payload: rating('green', null) });
    expect(first.statusCode).toBe(200);
    const stale = await app.inject({
      method: 'PUT',
      url: review,
      headers: london.change,
      payload: rating('red', null),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'FP_ASSURANCE_REVIEW_CONFLICT',
      where: { parameter: 'body.basedOn' },
      received: 'no rating',
    });
    const kept = await ws.one<{ rating: string }>(
      "SELECT rating FROM review_answer WHERE question_id = 'pooled-budgets'",
    );
    expect(kept?.rating).toBe('green');
    const fresh = await app.inject({
      method: 'PUT',
      url: review,
      headers: london.change,
      payload: rating('red', first.json().reviewedAt),
    });
    expect(fresh.statusCode).toBe(200);
  });
});
