// Payment mechanisms and CQUIN on the contracts register: an ICB editor sets a contract's mechanisms and
// CQUIN (audited); the register totals value by mechanism and prices each line under block and activity at
// the provider's recorded activity, checked against the run's flows by hand; refusals name the parameter.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/data/audit/record-audit.ts';
import { storeBaselinePlan } from '../../../src/data/planning/baseline-scenarios.ts';
import { getScenario } from '../../../src/data/planning/scenario-store.ts';
import { readStoredPlan } from '../../../src/data/planning/stored-plan.ts';
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

  it('prices a plan year at the plan’s activity; alliance and lead-provider lines share the variance', async () => {
    const before = (await app.inject({ url: '/api/assurance/payments', headers: as.qweViewer.read })).json();
    // Without a stored plan every line is priced at the run's recorded activity.
    expect(before.plan).toBeNull();
    expect(before.lines.map((l: { activityBasis: string }) => l.activityBasis)).not.toContain('plan');
    await storeBaselinePlan(ws);
    const first = (await app.inject({ url: '/api/assurance/payments', headers: as.qweViewer.read })).json();
    expect(first.plan).toMatchObject({ scenario: 'Baseline: current planning round' });
    const year: string = first.plan.years[1];
    const created = await app.inject({
      method: 'POST',
      url: '/api/assurance/contracts',
      headers: as.qweEditor.change,
      payload: {
        providerCode: busiest.provider,
        financialYear: year,
        type: 'single-provider',
        partners: [],
        commissioners: [],
        systemName: null,
        services: [{ serviceCode: busiest.service, value: '1234567.89' }],
        activityPlan: [{ serviceCode: busiest.service, pod: 'APC_EL', activity: PLANNED }],
        qualitySchedule: [],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;

    // By hand: the base year's flows of the line, each resident ICB's grown by the plan's volume growth
    // (demographic + non-demographic, year on year; inflation is price) to the contract's year.
    const plan = (await readStoredPlan(ws, await getScenario(ws, first.plan.scenario)))!;
    const growth = (icb: string) =>
      plan.rows
        .filter((r) => r.unit === icb && r.financialYear <= year)
        .reduce(
          (g, r) => g * ((r.previousDoNothing + r.demographicGrowth + r.nonDemographicGrowth) / r.previousDoNothing),
          1,
        );
    const flows = await ws.all<{ icb: string; activity: number }>(
      `SELECT resident_icb AS icb, CAST(sum(activity) AS DOUBLE) AS activity FROM flow
       WHERE vintage = '2026' AND financial_year = $1 AND provider_code = $2 AND service_code = $3 GROUP BY ALL`,
      [first.plan.baseYear, busiest.provider, busiest.service],
    );
    const activity = flows.reduce((s, f) => s + f.activity * growth(f.icb), 0);
    const variance = 1_234_567_89 * (activity / PLANNED - 1);

    const alliance = await setPayment(
      as.qweEditor,
      { lines: [{ serviceCode: busiest.service, mechanism: 'alliance', providerShare: 0.4 }] },
      id,
    );
    expect(alliance.statusCode, alliance.body).toBe(200);
    const line = alliance.json().lines.find((l: { contractId: string }) => l.contractId === id);
    expect(line).toMatchObject({ activityBasis: 'plan', activityYear: year, providerShare: 0.4, riskCap: null });
    expect(line.activity).toBeCloseTo(activity, 6);
    expect(line.income).toBe(Math.round(1_234_567_89 + 0.6 * variance) / 100);

    const lead = await setPayment(
      as.qweEditor,
      { lines: [{ serviceCode: busiest.service, mechanism: 'lead-provider', providerShare: 1, riskCap: 0.03 }] },
      id,
    );
    const led = lead.json().lines.find((l: { contractId: string }) => l.contractId === id);
    const borne = Math.max(-0.03 * 1_234_567_89, Math.min(0.03 * 1_234_567_89, variance));
    expect(led.income).toBe(Math.round(1_234_567_89 + variance - borne) / 100);
    const provider = lead
      .json()
      .byProvider.find(
        (p: { provider: string; financialYear: string }) => p.provider === busiest.provider && p.financialYear === year,
      );
    expect(provider).toMatchObject({ lines: 1, value: 1_234_567.89, income: led.income, incomeIfBlock: 1_234_567.89 });

    const refused = async (payload: Record<string, unknown>) =>
      (await setPayment(as.qweEditor, payload, id)).json().error;
    expect(await refused({ lines: [{ serviceCode: busiest.service, mechanism: 'alliance' }] })).toMatchObject({
      code: 'FP_PAYMENT_BAD_LINE',
      where: { parameter: 'body.lines.0.providerShare' },
    });
    expect(
      await refused({ lines: [{ serviceCode: busiest.service, mechanism: 'lead-provider', providerShare: 1 }] }),
    ).toMatchObject({ code: 'FP_PAYMENT_BAD_LINE', where: { parameter: 'body.lines.0.riskCap' } });
    expect(
      await refused({ lines: [{ serviceCode: busiest.service, mechanism: 'block', riskCap: 0.1 }] }),
    ).toMatchObject({ code: 'FP_PAYMENT_BAD_LINE', where: { parameter: 'body.lines.0.riskCap' } });
    const unknown = await app.inject({ url: '/api/assurance/payments?scenario=No%20such', headers: as.qweViewer.read });
    expect(unknown.statusCode).toBe(404);
  });

  it('exports the priced lines as CSV', async () => {
    const csv = await app.inject({ url: '/api/assurance/payments?format=csv', headers: as.qweViewer.read });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toMatch(/^financialYear,providerName,serviceName,mechanism,value,/);
  });
});
