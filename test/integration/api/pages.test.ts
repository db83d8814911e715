// The page data routes on real reference data and a synthetic run: figures equal what is stored (read
// here with independent SQL), every answer carries provenance, and the Excel/CSV exports hold exactly the
// rows the JSON answer has.

import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinancialYear } from '../../../src/core/units.ts';
import { writeCsv } from '../../../src/data/export/write-csv.ts';
import { buildReport } from '../../../src/data/reports/index.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace, TEST_DATASET } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
let viewer: SignedInClient;

beforeAll(async () => {
  ws = await createApiWorkspace(20_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  viewer = await signIn(app, 'qweViewer');
});

afterAll(async () => {
  await app.close();
  ws.close();
});

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url, headers: viewer.read });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return response;
};

const stored = async (sql: string, params: (string | number)[] = []) => (await ws.one<{ n: number }>(sql, params))!.n;

describe('GET /api/overview', () => {
  it('totals by year equal the stored allocations on both bases, and ICB rows add up to them', async () => {
    const body = (await get('/api/overview')).json();
    expect(body.years).toEqual(['2023/24', '2024/25']);
    expect(body.year).toBe('2024/25');
    for (const t of body.totalsByYear) {
      const provider = await stored(
        "SELECT CAST(sum(provider_basis_spend) AS DOUBLE) AS n FROM allocation WHERE dataset = $1 AND vintage = '2026' AND financial_year = $2",
        [TEST_DATASET, t.financialYear],
      );
      expect(t.providerBasisSpend).toBe(provider);
      expect(t.populationBasisSpend).toBe(provider);
    }
    // The run read the activity table's cost to the penny: the same total, summed from activity here.
    const cost = await stored("SELECT CAST(sum(cost) AS DOUBLE) AS n FROM activity WHERE financial_year = '2024/25'");
    expect(body.totalsByYear[1].providerBasisSpend).toBeCloseTo(cost, 2);
    expect(body.icbs).toHaveLength(36);
    const icbSum = body.icbs.reduce((s: number, i: { populationBasisSpend: number }) => s + i.populationBasisSpend, 0);
    expect(icbSum).toBeCloseTo(cost, 2);
    const qwe = body.icbs.find((i: { code: string }) => i.code === 'QWE');
    const qwePop = await stored(
      "SELECT CAST(sum(persons) AS DOUBLE) AS n FROM population WHERE area_type = 'icb' AND area_code = 'QWE'",
    );
    expect(qwe).toMatchObject({ regionCode: 'Y56', regionName: 'London', population: qwePop });
    expect(qwe.difference).toBeCloseTo(qwe.populationBasisSpend - qwe.providerBasisSpend, 2);
    expect(qwe.spendPerHead).toBeCloseTo(qwe.populationBasisSpend / qwePop, 10);
    expect(body.provenance).toMatchObject({
      dataset: TEST_DATASET,
      vintage: '2026',
      rule: 'provider-host-icb',
      financialYear: '2024/25',
    });
    expect(body.provenance.derivation).toMatch(/population-basis spend where the patient is registered/);
  });

  it('exports exactly the ICB rows as CSV and as a workbook', async () => {
    const json = (await get('/api/overview?year=2023/24')).json();
    const csv = await get('/api/overview?year=2023/24&format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="overview-2023-24-2026.csv"');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'code,name,regionName,population,providerBasisSpend,populationBasisSpend,difference,outOfAreaShare,spendPerHead',
    );
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(json.icbs.map((i: { code: string }) => i.code));
    const xlsx = await get('/api/overview?year=2023/24&format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('ICBs 2023/24'.replace('/', ' '));
    expect(sheet.rowCount).toBe(json.icbs.length + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe(json.icbs[0].code);
    expect(sheet.getRow(2).getCell(6).value).toBeCloseTo(json.icbs[0].populationBasisSpend, 2);
  });
});

describe('GET /api/icbs/:code', () => {
  it("gives QWE's population pyramid, spend by service and programme, providers and hosted providers", async () => {
    const body = (await get('/api/icbs/qwe')).json();
    expect(body.icb).toEqual({
      code: 'QWE',
      name: 'NHS South West London Integrated Care Board',
      region: { code: 'Y56', name: 'London' },
    });
    expect(body.population.pyramid).toHaveLength(19);
    expect(body.population.pyramid[0].ageBand).toBe('0-4');
    const pop = await stored(
      "SELECT CAST(sum(persons) AS DOUBLE) AS n FROM population WHERE area_type = 'icb' AND area_code = 'QWE'",
    );
    expect(body.population.total).toBeCloseTo(pop, 6);
    const spend = await stored(
      "SELECT CAST(sum(population_basis_spend) AS DOUBLE) AS n FROM allocation WHERE vintage = '2026' AND financial_year = '2024/25' AND icb_code = 'QWE'",
    );
    const sum = (rows: { spend: number }[]) => rows.reduce((s, r) => s + r.spend, 0);
    expect(sum(body.spendByService)).toBeCloseTo(spend, 2);
    expect(sum(body.spendByProgramme)).toBeCloseTo(spend, 2);
    const inside = await stored(
      "SELECT CAST(sum(spend) AS DOUBLE) AS n FROM flow WHERE vintage = '2026' AND financial_year = '2024/25' AND resident_icb = 'QWE' AND provider_icb = 'QWE'",
    );
    expect(body.insideShare).toBeCloseTo(inside / spend, 10);
    expect(body.topProviders.length).toBeLessThanOrEqual(20);
    for (const p of body.topProviders) expect(p.inside).toBe(p.providerIcb === 'QWE');
    const hostedIncome = await stored(
      "SELECT CAST(sum(spend) AS DOUBLE) AS n FROM flow WHERE vintage = '2026' AND financial_year = '2024/25' AND provider_icb = 'QWE'",
    );
    expect(body.hostedProviders.reduce((s: number, h: { income: number }) => s + h.income, 0)).toBeCloseTo(
      hostedIncome,
      2,
    );
    expect(body.hostedProviders[0].topOrigins.length).toBeLessThanOrEqual(5);
  });

  it('exports one table as CSV (?table=) and all of them as a workbook', async () => {
    const json = (await get('/api/icbs/QWE')).json();
    const csv = await get('/api/icbs/QWE?format=csv&table=providers');
    expect(csv.body.trim().split('\r\n')).toHaveLength(json.topProviders.length + 1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await get('/api/icbs/QWE?format=xlsx')).rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Spend by service',
      'Spend by programme',
      'Where patients are treated',
      'Hosted providers',
      'Population',
    ]);
  });
});

describe('GET /api/services', () => {
  it('lists the current catalogue with national spend equal to the stored flows; filters by text and programme', async () => {
    const body = (await get('/api/services')).json();
    expect(body.rows).toHaveLength(await stored('SELECT CAST(count(*) AS INTEGER) AS n FROM service WHERE is_current'));
    expect(body.catalogueNote).toMatch(/partial catalogue/);
    const total = body.rows.reduce((s: number, r: { nationalSpend: number }) => s + r.nationalSpend, 0);
    const flows = await stored(
      "SELECT CAST(sum(spend) AS DOUBLE) AS n FROM flow WHERE vintage = '2026' AND financial_year = '2024/25'",
    );
    expect(total).toBeCloseTo(flows, 2);
    const searched = (await get('/api/services?q=CONGENITAL')).json().rows;
    expect(searched.length).toBeGreaterThan(0);
    for (const r of searched) expect(`${r.code} ${r.name}`.toLowerCase()).toContain('congenital');
    const programme = (await get('/api/services?programme=Women%20and%20Children')).json().rows;
    for (const r of programme) expect(r.programme).toBe('Women and Children');
    const csv = await get('/api/services?programme=Women%20and%20Children&format=csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(programme.length + 1);
  });

  it('gives one service by ICB (per head) and its providers, both adding to its national spend', async () => {
    const withSpend = (await get('/api/services'))
      .json()
      .rows.find((r: { nationalSpend: number }) => r.nationalSpend > 0);
    const body = (await get(`/api/services/${withSpend.code}`)).json();
    expect(body.service).toEqual(withSpend);
    expect(body.byIcb).toHaveLength(36);
    const sum = (rows: { spend: number }[]) => rows.reduce((s, r) => s + r.spend, 0);
    expect(sum(body.byIcb)).toBeCloseTo(withSpend.nationalSpend, 2);
    expect(sum(body.providers)).toBeCloseTo(withSpend.nationalSpend, 2);
    expect(body.providers).toHaveLength(withSpend.providers);
  });
});

describe('GET /api/flows', () => {
  it('gives resident × provider flows for a service with the cross-boundary share', async () => {
    const service = (await get('/api/services'))
      .json()
      .rows.find((r: { nationalSpend: number }) => r.nationalSpend > 0).code;
    const body = (await get(`/api/flows?service=${service}`)).json();
    const total = await stored(
      "SELECT CAST(sum(spend) AS DOUBLE) AS n FROM flow WHERE vintage = '2026' AND financial_year = '2024/25' AND service_code = $1",
      [service],
    );
    expect(body.rows.reduce((s: number, r: { spend: number }) => s + r.spend, 0)).toBeCloseTo(total, 2);
    const crossing = await stored(
      "SELECT CAST(sum(spend) AS DOUBLE) AS n FROM flow WHERE vintage = '2026' AND financial_year = '2024/25' AND service_code = $1 AND provider_icb <> resident_icb",
      [service],
    );
    expect(body.crossBoundaryShare).toBeCloseTo(crossing / total, 10);
  });

  it('filters by footprint: rows touch South London, and the share is of its residents treated outside it', async () => {
    const body = (await get('/api/flows?footprint=South%20London')).json();
    const south = ['QKK', 'QWE'];
    for (const r of body.rows) expect(south.includes(r.residentIcb) || south.includes(r.providerIcb)).toBe(true);
    const residents = await stored(
      "SELECT CAST(sum(spend) AS DOUBLE) AS n FROM flow WHERE vintage = '2026' AND financial_year = '2024/25' AND resident_icb IN ('QKK', 'QWE')",
    );
    const outside = await stored(
      "SELECT CAST(sum(spend) AS DOUBLE) AS n FROM flow WHERE vintage = '2026' AND financial_year = '2024/25' AND resident_icb IN ('QKK', 'QWE') AND provider_icb NOT IN ('QKK', 'QWE')",
    );
    expect(body.crossBoundaryShare).toBeCloseTo(outside / residents, 10);
    const xlsx = await get('/api/flows?footprint=South%20London&format=xlsx');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="flows-South-London-2024-25.xlsx"');
  });

  it('exports the same CSV as `footprint report flows` for the same year and footprint (one reader, one column list)', async () => {
    const cliCsv = async (options: { year: FinancialYear; footprint?: string }) => {
      const { table } = await buildReport(ws, 'flows', options);
      const chunks: Buffer[] = [];
      await writeCsv(
        table,
        new Writable({
          write(chunk, _encoding, done) {
            chunks.push(Buffer.from(chunk));
            done();
          },
        }),
      );
      return Buffer.concat(chunks).toString('utf8');
    };
    const south = await cliCsv({ year: '2024/25' as FinancialYear, footprint: 'South London' });
    expect(south.split('\r\n').length).toBeGreaterThan(10);
    expect((await get('/api/flows?year=2024/25&footprint=South%20London&format=csv')).body).toBe(south);
    expect((await get('/api/flows?year=2023/24&format=csv')).body).toBe(
      await cliCsv({ year: '2023/24' as FinancialYear }),
    );
  });
});

describe('GET /api/geography/icbs.geojson', () => {
  it('gives 36 ICB features with ODS code, ONS code and name', async () => {
    const body = (await get('/api/geography/icbs.geojson')).json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(36);
    expect(body.features.map((f: { properties: { code: string } }) => f.properties.code)).toContain('QWE');
    const qwe = body.features.find((f: { properties: { code: string } }) => f.properties.code === 'QWE');
    expect(qwe.properties).toEqual({
      code: 'QWE',
      onsCode: 'E54000031',
      name: 'NHS South West London Integrated Care Board',
    });
    expect((await get('/api/geography/icbs.geojson?vintage=2023')).json().features).toHaveLength(42);
  });
});

describe('GET /api/footprints', () => {
  it('lists the shipped footprints (no owner) with population and population-basis spend summed over members', async () => {
    const body = (await get('/api/footprints')).json();
    const south = body.rows.find((f: { name: string }) => f.name === 'South London');
    expect(south).toMatchObject({ kind: 'group', members: ['QKK', 'QWE'], owner: null });
    const spend = await stored(
      "SELECT CAST(sum(population_basis_spend) AS DOUBLE) AS n FROM allocation WHERE vintage = '2026' AND financial_year = '2024/25' AND icb_code IN ('QKK', 'QWE')",
    );
    expect(south.populationBasisSpend).toBeCloseTo(spend, 2);
    const csv = await get('/api/footprints?format=csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(body.rows.length + 1);
  });
});
