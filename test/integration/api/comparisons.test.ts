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
