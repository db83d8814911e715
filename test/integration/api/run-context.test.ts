// ?dataset= and ?geography= on the GET answers over a stored run: two datasets in one workspace (the second
// the first's activity at three times the cost) and the first also run on the 2023 geography. The figures
// asked for are the chosen dataset's and geography's, read here from activity and the reference tables with
// independent SQL; an unknown dataset or geography is refused naming it; an answer drawn on the current
// geography only refuses another.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBasisConversion } from '../../../src/data/run/run-basis-conversion.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace, TEST_DATASET } from './support/api-workspace.ts';

const SECOND = 'api-second';

let ws: Workspace;
let app: FastifyInstance;
let national: SignedInClient;

beforeAll(async () => {
  ws = await createApiWorkspace(6_000);
  await ws.run(
    `INSERT INTO activity SELECT * REPLACE ($1 AS dataset, cost * 3 AS cost) FROM activity WHERE dataset = $2`,
    [SECOND, TEST_DATASET],
  );
  await ws.run(
    `INSERT INTO dataset (name, source_file, format, rows_read, rows_accepted, rows_rejected, total_cost, imported_at)
     SELECT $1, 'second.csv', 'csv', count(*), count(*), 0, sum(cost), TIMESTAMP '2026-05-01 09:00:00'
     FROM activity WHERE dataset = $1`,
    [SECOND],
  );
  await runBasisConversion(ws, { dataset: SECOND });
  await runBasisConversion(ws, { dataset: TEST_DATASET, vintage: '2023' });
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  national = await signIn(app, 'nationalAdmin');
}, 300_000);

afterAll(async () => {
  await app.close();
  ws.close();
});

const ask = (url: string) => app.inject({ method: 'GET', url, headers: national.read });
const get = async (url: string) => {
  const response = await ask(url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return response.json();
};
const activityCost = async (dataset: string, year: string) =>
  (await ws.one<{ n: number }>(
    'SELECT CAST(sum(cost) AS DOUBLE) AS n FROM activity WHERE dataset = $1 AND financial_year = $2',
    [dataset, year],
  ))!.n;
const icbCount = async (vintage: string) =>
  (await ws.one<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM icb WHERE vintage = $1', [vintage]))!.n;

describe('?dataset=', () => {
  it("the overview's totals are the chosen dataset's: the current one by default, the second on asking", async () => {
    const current = await get('/api/overview?year=2024/25');
    const second = await get(`/api/overview?year=2024/25&dataset=${SECOND}`);
    expect(current.provenance.dataset).toBe(TEST_DATASET);
    expect(second.provenance.dataset).toBe(SECOND);
    const currentCost = await activityCost(TEST_DATASET, '2024/25');
    const secondCost = await activityCost(SECOND, '2024/25');
    expect(secondCost).toBeCloseTo(3 * currentCost, 2);
    expect(current.totalsByYear[1].providerBasisSpend).toBeCloseTo(currentCost, 2);
    expect(second.totalsByYear[1].providerBasisSpend).toBeCloseTo(secondCost, 2);
    const icbSum = second.icbs.reduce(
      (s: number, i: { populationBasisSpend: number }) => s + i.populationBasisSpend,
      0,
    );
    expect(icbSum).toBeCloseTo(secondCost, 2);
  });

  it('flows, services, an ICB and a provider follow it too', async () => {
    const flowSpend = (body: { rows: { spend: number }[] }) => body.rows.reduce((s, r) => s + r.spend, 0);
    const flows = await get('/api/flows?year=2024/25');
    const flowsSecond = await get(`/api/flows?year=2024/25&dataset=${SECOND}`);
    expect(flowsSecond.provenance.dataset).toBe(SECOND);
    expect(flowSpend(flowsSecond)).toBeCloseTo(await activityCost(SECOND, '2024/25'), 2);
    expect(flowSpend(flows)).toBeCloseTo(await activityCost(TEST_DATASET, '2024/25'), 2);

    const services = await get(`/api/services?year=2024/25&dataset=${SECOND}`);
    expect(services.provenance.dataset).toBe(SECOND);
    const serviceSpend = services.rows.reduce((s: number, r: { nationalSpend: number }) => s + r.nationalSpend, 0);
    expect(serviceSpend).toBeCloseTo(await activityCost(SECOND, '2024/25'), 2);

    const icb = await get('/api/icbs/QWE?year=2024/25');
    const icbSecond = await get(`/api/icbs/QWE?year=2024/25&dataset=${SECOND}`);
    expect(icbSecond.provenance.dataset).toBe(SECOND);
    const icbSpend = (body: { spendByService: { spend: number }[] }) =>
      body.spendByService.reduce((s, r) => s + r.spend, 0);
    expect(icbSpend(icb)).toBeGreaterThan(0);
    expect(icbSpend(icbSecond)).toBeCloseTo(3 * icbSpend(icb), 2);

    const code = flows.rows[0].provider;
    expect((await get(`/api/providers/${code}?year=2024/25`)).provenance.dataset).toBe(TEST_DATASET);
    expect((await get(`/api/providers/${code}?year=2024/25&dataset=${SECOND}`)).provenance.dataset).toBe(SECOND);
  });

  it('an unknown dataset is 404, naming it and the datasets there are', async () => {
    const response = await ask('/api/overview?dataset=no-such-data');
    expect(response.statusCode).toBe(404);
    const { error } = response.json();
    expect(error).toMatchObject({
      code: 'FP_DATASET_NOT_FOUND',
      where: { parameter: 'dataset' },
      received: 'no-such-data',
    });
    expect(error.message).toContain('"no-such-data"');
    expect(error.accepted).toBe(`${SECOND}, ${TEST_DATASET}`);
    expect((await ask('/api/flows?dataset=no-such-data')).statusCode).toBe(404);
    expect((await ask('/api/footprints?dataset=no-such-data')).statusCode).toBe(404);
  });
});

describe('?geography=', () => {
  it('2023 gives the 42-ICB answer, the default the 36-ICB one, from the same dataset', async () => {
    const current = await get('/api/overview?year=2024/25');
    const old = await get('/api/overview?year=2024/25&geography=2023');
    expect(await icbCount('2023')).toBe(42);
    expect(current.icbs).toHaveLength(await icbCount('2026'));
    expect(old.icbs).toHaveLength(42);
    expect(old.provenance).toMatchObject({ dataset: TEST_DATASET, vintage: '2023' });
    // The same money, divided among the older boundaries.
    expect(old.totalsByYear[1].providerBasisSpend).toBeCloseTo(current.totalsByYear[1].providerBasisSpend, 2);
    const oldCodes = new Set(
      (await ws.all<{ code: string }>("SELECT icb_code AS code FROM icb WHERE vintage = '2023'")).map((r) => r.code),
    );
    const flows = await get('/api/flows?year=2024/25&geography=2023');
    expect(flows.provenance.vintage).toBe('2023');
    for (const row of flows.rows) if (row.residentIcb !== 'UNALLOCATED') expect(oldCodes).toContain(row.residentIcb);
    expect((await get('/api/services?geography=2023')).provenance.vintage).toBe('2023');
    const service = (await get('/api/services')).rows[0].code;
    expect((await get(`/api/services/${service}?geography=2023`)).provenance.vintage).toBe('2023');
    const provider = flows.rows[0].provider;
    expect((await get(`/api/providers/${provider}?geography=2023`)).provenance.vintage).toBe('2023');
  });

  it('the older name ?vintage= still answers the same', async () => {
    const byVintage = await get('/api/overview?year=2024/25&vintage=2023');
    expect(byVintage.icbs).toHaveLength(42);
  });

  it('a geography that is not a vintage is 400 naming the parameter', async () => {
    const response = await ask('/api/overview?geography=2019');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.where.parameter).toBe('querystring.geography');
  });

  it('an answer drawn on the current geography only refuses another, and takes its own', async () => {
    const response = await ask('/api/footprints?geography=2023');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.where.parameter).toBe('querystring.geography');
    expect((await get('/api/footprints?geography=2026')).provenance.vintage).toBe('2026');
    expect((await ask('/api/icbs/QWE?geography=2023')).statusCode).toBe(400);
  });
});
