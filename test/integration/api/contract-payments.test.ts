// Payment mechanisms and CQUIN on the contracts register: an ICB editor sets a contract's mechanisms and
// CQUIN (audited); the register totals value by mechanism and prices each line under block and activity at
// the provider's recorded activity, checked against the run's flows by hand; refusals name the parameter.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/data/audit/record-audit.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
let as: Record<'qweEditor' | 'qkkEditor' | 'qweViewer', SignedInClient>;
let busiest: { provider: string; service: string; activity: number };
let other: string;
let contractId: string;

const YEAR = '2024/25';
const PLANNED = 50;

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  busiest = (await ws.one<{ provider: string; service: string; activity: number }>(
    `SELECT provider_code AS provider, service_code AS service, CAST(sum(activity) AS DOUBLE) AS activity FROM flow
     WHERE vintage = '2026' AND financial_year = $1 GROUP BY ALL ORDER BY activity DESC, provider, service LIMIT 1`,
    [YEAR],
  ))!;
  other = (await ws.one<{ code: string }>(
    'SELECT service_code AS code FROM service WHERE is_current AND service_code <> $1 ORDER BY 1 LIMIT 1',
    [busiest.service],
  ))!.code;
  app = await buildApp({ workspace: ws });
  as = {
    qweEditor: await signIn(app, 'qweEditor'),
    qkkEditor: await signIn(app, 'qkkEditor'),
    qweViewer: await signIn(app, 'qweViewer'),
  };
  const created = await app.inject({
    method: 'POST',
    url: '/api/assurance/contracts',
    headers: as.qweEditor.change,
    payload: {
      providerCode: busiest.provider,
      financialYear: YEAR,
      type: 'single-provider',
      partners: [],
      commissioners: [],
      systemName: null,
      services: [
        { serviceCode: busiest.service, value: '1000000.00' },
        { serviceCode: other, value: '250000.50' },
      ],
      activityPlan: [{ serviceCode: busiest.service, pod: 'APC_EL', activity: PLANNED }],
      qualitySchedule: [],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  contractId = created.json().id;
});

afterAll(async () => {
  await app.close();
  ws.close();
});

const setPayment = (who: SignedInClient, payload: Record<string, unknown>, id = contractId) =>
  app.inject({ method: 'PUT', url: `/api/assurance/contracts/${id}/payment`, headers: who.change, payload });

describe('payment mechanisms and CQUIN', () => {
  it('before any is set, lines are unspecified and priced under block and activity at the recorded activity', async () => {
    const register = (await app.inject({ url: '/api/assurance/payments', headers: as.qweViewer.read })).json();
    expect(register.byMechanism).toEqual([{ mechanism: 'unspecified', lines: 2, value: 1_250_000.5 }]);
    const line = register.lines.find((l: { service: string }) => l.service === busiest.service);
    expect(line).toMatchObject({
      mechanism: 'unspecified',
      income: null,
      activityYear: YEAR,
      plannedActivity: PLANNED,
    });
    expect(line.activity).toBeCloseTo(busiest.activity, 9);
    const expected = Math.round((1_000_000_00 * busiest.activity) / PLANNED) / 100;
    expect(line.incomeIfActivity).toBe(expected);
    expect(line.blockToActivity).toBe(Math.round((expected - 1_000_000) * 100) / 100);
  });

  it('an editor of the lead commissioner sets a blended and an outcome-based line and two CQUIN schemes', async () => {
    const response = await setPayment(as.qweEditor, {
      lines: [
        { serviceCode: busiest.service, mechanism: 'blended', fixedShare: 0.8 },
        { serviceCode: other, mechanism: 'outcome', outcomeShare: 0.1, outcomeAchievement: 0.5 },
      ],
      cquin: [
        { scheme: 'Shared decision making', value: 25_000, achievement: 0.6 },
        { scheme: 'Timely discharge', value: 10_000, achievement: null },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const register = response.json();
    expect(register.byMechanism).toEqual(
      expect.arrayContaining([
        { mechanism: 'blended', lines: 1, value: 1_000_000 },
        { mechanism: 'outcome', lines: 1, value: 250_000.5 },
      ]),
    );
    const blended = register.lines.find((l: { service: string }) => l.service === busiest.service);
    const ratio = busiest.activity / PLANNED;
    expect(blended).toMatchObject({ fixedPart: 800_000, variablePart: 200_000 });
    expect(blended.income).toBe(Math.round(800_000_00 + 200_000_00 * ratio) / 100);
    const outcome = register.lines.find((l: { service: string }) => l.service === other);
    // 250,000.50 × 0.9 + 250,000.50 × 0.1 × 0.5 = 237,500.475 → £237,500.48 (half away from zero).
    expect(outcome.income).toBe(237_500.48);
    expect(register.cquinTotals).toEqual({ value: 35_000, earned: 15_000, unassessed: 10_000 });
    const events = await listAudit(ws, { objectType: 'contract-payment', objectId: contractId });
    expect(events.map((e) => e.action)).toEqual(['create']);
  });

  it('refuses a viewer, another ICB, and names the parameter of each bad line', async () => {
    expect((await setPayment(as.qweViewer, { lines: [] })).statusCode).toBe(403);
    const outside = await setPayment(as.qkkEditor, { lines: [] });
    expect(outside.statusCode).toBe(404);
    const error = async (payload: Record<string, unknown>) => (await setPayment(as.qweEditor, payload)).json().error;
    expect(await error({ lines: [{ serviceCode: other, mechanism: 'activity' }] })).toMatchObject({
      code: 'FP_PAYMENT_NO_PLANNED_ACTIVITY',
      where: { parameter: 'body.lines.0.mechanism' },
    });
    expect(await error({ lines: [{ serviceCode: busiest.service, mechanism: 'blended' }] })).toMatchObject({
      code: 'FP_PAYMENT_BAD_LINE',
      where: { parameter: 'body.lines.0.fixedShare' },
    });
    expect(await error({ lines: [{ serviceCode: 'NOT-ON-IT', mechanism: 'block' }] })).toMatchObject({
      code: 'FP_PAYMENT_UNKNOWN_LINE',
      where: { parameter: 'body.lines.0.serviceCode' },
    });
    expect(await error({ lines: [{ serviceCode: other, mechanism: 'barter' }] })).toMatchObject({
      code: 'FP_PAYMENT_BAD_INPUT',
      where: { parameter: 'body.lines.0.mechanism' },
    });
    // Nothing refused changed what was stored.
    const register = (await app.inject({ url: '/api/assurance/payments', headers: as.qweViewer.read })).json();
    expect(register.cquin).toHaveLength(2);
  });

  it('exports the priced lines as CSV', async () => {
    const csv = await app.inject({ url: '/api/assurance/payments?format=csv', headers: as.qweViewer.read });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toMatch(/^financialYear,providerName,serviceName,mechanism,value,/);
  });
});
