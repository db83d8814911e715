// An ICB beside England, its region and similar ICBs, and a service over the years, through the real app
// on a real workspace: each year's spend per head recomputed here from the stored allocations, the peers
// drawn by size and need, an unknown ICB or service named in the error.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IcbComparison } from '../../../src/core/peers/similar-icbs.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
let viewer: SignedInClient;

beforeAll(async () => {
  ws = await createApiWorkspace(20_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  viewer = await signIn(app, 'qweViewer');
}, 120_000);

afterAll(async () => {
  await app.close();
  ws.close();
});

const get = (url: string) => app.inject({ method: 'GET', url, headers: viewer.read });

/** Population-basis spend per head of a set of 2026 ICBs in one year, read straight from the tables. */
async function perHeadOf(where: string, year: string): Promise<number> {
  const row = await ws.one<{ spend: number; population: number }>(
    `SELECT (SELECT CAST(sum(population_basis_spend) AS DOUBLE) FROM allocation
              WHERE vintage = '2026' AND financial_year = $1 AND icb_code IN (SELECT icb_code FROM icb WHERE vintage = '2026' AND ${where})) AS spend,
            (SELECT CAST(sum(persons) AS DOUBLE) FROM population
              WHERE area_type = 'icb' AND area_code IN (SELECT icb_code FROM icb WHERE vintage = '2026' AND ${where})) AS population`,
    [year],
  );
  return row!.spend / row!.population;
}

describe('ICB comparison API', () => {
  it('gives spend per head in every year for the ICB, its region, England and its similar ICBs', async () => {
    const response = await get('/api/icbs/QWE/comparison');
    expect(response.statusCode).toBe(200);
    const body = response.json() as IcbComparison;
    expect(body.years.length).toBeGreaterThan(1);
    expect(body.peers).toHaveLength(5);
    expect(body.peers.map((p) => p.code)).not.toContain('QWE');
    expect(body.peerMethod).toMatch(/population.*need/);
    const peerList = body.peers.map((p) => `'${p.code}'`).join(', ');
    for (const year of body.years) {
      expect(year.icb).toBeCloseTo(await perHeadOf("icb_code = 'QWE'", year.financialYear), 6);
      expect(year.region).toBeCloseTo(await perHeadOf(`region_code = '${body.region.code}'`, year.financialYear), 6);
      expect(year.england).toBeCloseTo(await perHeadOf('TRUE', year.financialYear), 6);
      expect(year.peers).toBeCloseTo(await perHeadOf(`icb_code IN (${peerList})`, year.financialYear), 6);
    }
  });

  it('chooses as peers ICBs no farther in size and need than any ICB left out', async () => {
    const body = (await get('/api/icbs/QWE/comparison')).json() as IcbComparison;
    const distance = (p: { population: number; needIndex: number }) =>
      Math.hypot(Math.log(p.population / body.icb.population), Math.log(p.needIndex / body.icb.needIndex!));
    const farthest = Math.max(...body.peers.map(distance));
    const others = await Promise.all(
      (await ws.all<{ code: string }>("SELECT icb_code AS code FROM icb WHERE vintage = '2026' AND icb_code <> 'QWE'"))
        .filter((o) => !body.peers.some((p) => p.code === o.code))
        .slice(0, 6)
        .map(async (o) => (await get(`/api/icbs/${o.code}/comparison`)).json() as IcbComparison),
    );
    for (const other of others) {
      if (other.icb.needIndex !== null)
        expect(distance({ ...other.icb, needIndex: other.icb.needIndex })).toBeGreaterThanOrEqual(farthest);
    }
  });

  it('names an ICB code that is not in the geography', async () => {
    const response = await get('/api/icbs/ZZZ/comparison');
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'FP_REPORT_UNKNOWN_ICB', where: { parameter: 'code' } });
  });
});

describe('service trend API', () => {
  it("gives a service's England spend and spend per head in every year the run holds", async () => {
    const catalogue = (await get('/api/services')).json() as { rows: { code: string; nationalSpend: number }[] };
    const service = [...catalogue.rows].sort((a, b) => b.nationalSpend - a.nationalSpend)[0]!.code;
    const response = await get(`/api/services/${encodeURIComponent(service)}/trend`);
    expect(response.statusCode, `${service}: ${response.body}`).toBe(200);
    const body = response.json() as { years: { financialYear: string; spend: number; perHead: number }[] };
    const stored = await ws.all<{ year: string; spend: number }>(
      `SELECT financial_year AS year, CAST(sum(population_basis_spend) AS DOUBLE) AS spend FROM allocation
        WHERE vintage = '2026' AND service_code = $1 GROUP BY 1 ORDER BY 1`,
      [service],
    );
    expect(body.years.map((y) => y.financialYear)).toEqual(stored.map((s) => s.year));
    const england = await perHeadOf('TRUE', stored[0]!.year);
    const allSpend = await ws.one<{ spend: number }>(
      `SELECT CAST(sum(population_basis_spend) AS DOUBLE) AS spend FROM allocation WHERE vintage = '2026' AND financial_year = $1`,
      [stored[0]!.year],
    );
    const population = allSpend!.spend / england;
    body.years.forEach((y, i) => {
      expect(y.spend).toBeCloseTo(stored[i]!.spend, 6);
      expect(y.perHead).toBeCloseTo(stored[i]!.spend / population, 6);
    });
  });

  it('names a service code that is not in the catalogue', async () => {
    const response = await get('/api/services/NO-SUCH/trend');
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ where: { parameter: 'code' } });
  });
});

describe('service trend beside an ICB, its region and similar ICBs', () => {
  it("gives the ICB's spend per head on the service beside the same peers as its own page", async () => {
    const catalogue = (await get('/api/services')).json() as { rows: { code: string; nationalSpend: number }[] };
    const service = [...catalogue.rows].sort((a, b) => b.nationalSpend - a.nationalSpend)[0]!.code;
    const response = await get(`/api/services/${encodeURIComponent(service)}/trend?icb=QWE`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { comparison: IcbComparison };
    const icbPage = (await get('/api/icbs/QWE/comparison')).json() as IcbComparison;
    expect(body.comparison.peers.map((p) => p.code)).toEqual(icbPage.peers.map((p) => p.code));
    const perHeadOnService = async (where: string, year: string) => {
      const row = await ws.one<{ spend: number; population: number }>(
        `SELECT (SELECT CAST(sum(population_basis_spend) AS DOUBLE) FROM allocation
                  WHERE vintage = '2026' AND financial_year = $1 AND service_code = $2
                    AND icb_code IN (SELECT icb_code FROM icb WHERE vintage = '2026' AND ${where})) AS spend,
                (SELECT CAST(sum(persons) AS DOUBLE) FROM population WHERE area_type = 'icb'
                    AND area_code IN (SELECT icb_code FROM icb WHERE vintage = '2026' AND ${where})) AS population`,
        [year, service],
      );
      return (row!.spend ?? 0) / row!.population;
    };
    const peerList = body.comparison.peers.map((p) => `'${p.code}'`).join(', ');
    for (const year of body.comparison.years) {
      expect(year.icb).toBeCloseTo(await perHeadOnService("icb_code = 'QWE'", year.financialYear), 6);
      expect(year.region).toBeCloseTo(
        await perHeadOnService(`region_code = '${body.comparison.region.code}'`, year.financialYear),
        6,
      );
      expect(year.peers).toBeCloseTo(await perHeadOnService(`icb_code IN (${peerList})`, year.financialYear), 6);
      expect(year.england).toBeCloseTo(await perHeadOnService('TRUE', year.financialYear), 6);
    }
    // Without an ICB there is nothing to set beside England.
    const plain = (await get(`/api/services/${encodeURIComponent(service)}/trend`)).json() as { comparison: null };
    expect(plain.comparison).toBeNull();
  });
});

describe('provider API', () => {
  type Profile = import('../../../src/core/providers/provider-profile.ts').ProviderProfile;

  async function busiestProvider(): Promise<{ code: string; year: string }> {
    const row = await ws.one<{ code: string; year: string }>(
      `SELECT provider_code AS code, financial_year AS year FROM flow WHERE vintage = '2026'
        GROUP BY ALL ORDER BY financial_year DESC, sum(spend) DESC LIMIT 1`,
    );
    return row!;
  }

  it("gives a provider's income in every year, its services and patients' ICBs, adding up", async () => {
    const { code, year } = await busiestProvider();
    const response = await get(`/api/providers/${code}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as Profile;
    expect(body.financialYear).toBe(year);
    expect(body.provider.label).toMatch(new RegExp(`\\(${code}\\)$`));
    const host = await ws.one<{ code: string; name: string }>(
      `SELECT i.icb_code AS code, i.name FROM flow f JOIN icb i ON i.vintage = f.vintage AND i.icb_code = f.provider_icb
        WHERE f.vintage = '2026' AND f.provider_code = $1 LIMIT 1`,
      [code],
    );
    expect(body.provider.hostIcb).toMatchObject({ code: host!.code, name: host!.name });
    const stored = await ws.all<{ year: string; income: number; host: number }>(
      `SELECT financial_year AS year, CAST(sum(spend) AS DOUBLE) AS income,
              CAST(sum(CASE WHEN resident_icb = provider_icb THEN spend ELSE 0 END) AS DOUBLE) AS host
         FROM flow WHERE vintage = '2026' AND provider_code = $1 GROUP BY 1 ORDER BY 1`,
      [code],
    );
    for (const s of stored) {
      const shown = body.trend.find((t) => t.financialYear === s.year)!;
      expect(shown.income).toBeCloseTo(s.income, 2);
      expect(shown.incomeFromHost).toBeCloseTo(s.host, 2);
    }
    const thisYear = stored.find((s) => s.year === year)!.income;
    expect(body.services.reduce((sum, s) => sum + s.income, 0)).toBeCloseTo(thisYear, 2);
    expect(body.residentIcbs.reduce((sum, r) => sum + r.income, 0)).toBeCloseTo(thisYear, 2);
    expect(body.residentIcbs.reduce((sum, r) => sum + r.share!, 0)).toBeCloseTo(1, 9);
    expect(body.residentIcbs.every((r) => r.name !== r.icb)).toBe(true);
    const england = await ws.one<{ spend: number }>(
      `SELECT CAST(sum(spend) AS DOUBLE) AS spend FROM flow WHERE vintage = '2026' AND financial_year = $1`,
      [year],
    );
    const shown = body.comparison.years.find((y) => y.financialYear === year)!;
    expect(shown.england.income).toBeCloseTo(england!.spend, 2);
    expect(shown.provider.income).toBeCloseTo(thisYear, 2);
  });

  it('chooses as peers the providers of its kind nearest in size and service mix, worked out apart', async () => {
    const { code, year } = await busiestProvider();
    const body = (await get(`/api/providers/${code}`)).json() as Profile;
    // Independently of the code: mix difference as 1 − Σ min(share), which equals ½ Σ |difference|.
    const expected = await ws.all<{ code: string }>(
      `WITH inc AS (
         SELECT provider_code AS p, service_code AS s, sum(spend) AS v FROM flow
          WHERE vintage = '2026' AND financial_year = $1 GROUP BY 1, 2 HAVING sum(spend) > 0
       ), tot AS (SELECT p, sum(v) AS t FROM inc GROUP BY p),
       sh AS (SELECT inc.p, s, CAST(v / t AS DOUBLE) AS share FROM inc JOIN tot USING (p)),
       own AS (SELECT s, share FROM sh WHERE p = $2),
       mix AS (SELECT sh.p, 1 - coalesce(sum(least(sh.share, own.share)), 0) AS mix
                 FROM sh LEFT JOIN own USING (s) WHERE sh.p <> $2 GROUP BY sh.p)
       SELECT mix.p AS code FROM mix JOIN tot USING (p) JOIN provider pr ON pr.provider_code = mix.p
        WHERE pr.kind = (SELECT kind FROM provider WHERE provider_code = $2)
        ORDER BY sqrt(ln(CAST(tot.t AS DOUBLE) / (SELECT CAST(t AS DOUBLE) FROM tot WHERE p = $2)) ^ 2 + mix ^ 2), mix.p
        LIMIT 5`,
      [year, code],
    );
    expect(body.comparison.peers.map((p) => p.code)).toEqual(expected.map((e) => e.code));
    expect(body.comparison.peerMethod).toMatch(/size and in service mix/);
    expect(body.comparison.years.find((y) => y.financialYear === year)!.peers).not.toBeNull();
  });

  it('names a provider code that is not known', async () => {
    const response = await get('/api/providers/ZZZ9');
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'FP_HTTP_NOT_FOUND', where: { parameter: 'code' } });
  });

  it("exports its services and patients' ICBs with names beside the codes", async () => {
    const { code } = await busiestProvider();
    const csv = (await get(`/api/providers/${code}?format=csv&table=icbs`)).body;
    expect(csv.split('\n')[0]).toContain('icb,name,');
  });
});

describe('host ICB names', () => {
  it('names the provider ICB beside its code in the flows, ICB and service tables and their exports', async () => {
    const flows = (await get('/api/flows')).json() as { rows: { providerIcb: string; providerIcbName: string }[] };
    expect(flows.rows.length).toBeGreaterThan(0);
    const names = new Map(
      (
        await ws.all<{ code: string; name: string }>("SELECT icb_code AS code, name FROM icb WHERE vintage = '2026'")
      ).map((r) => [r.code, r.name]),
    );
    for (const r of flows.rows.slice(0, 50)) expect(r.providerIcbName).toBe(names.get(r.providerIcb));
    const icb = (await get('/api/icbs/QWE')).json() as {
      topProviders: { providerIcb: string; providerIcbName: string }[];
    };
    for (const r of icb.topProviders) expect(r.providerIcbName).toBe(names.get(r.providerIcb));
    const csv = (await get('/api/flows?format=csv')).body;
    expect(csv.split('\n')[0]).toContain('providerIcb,providerIcbName');
  });
});
