// Pages an analyst can trust at a glance (issue 17), in a real browser at 1280 and 375 px: every page of
// the app passes the shared checks (no console errors, every table column within reach, chart text
// inside its canvas and clear of other text), and the faults found by trying the app as a new user stay
// fixed — the overview's year change, the Sankey's provider labels, the funnel plot's legend and axis
// title on a phone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/data/users/user-store.ts';
import { DESKTOP, MOBILE, screenshotBothWidths, settled } from './support/browser.ts';
import { type ConsoleWatch, NO_PROBLEMS, pageProblems, watchConsole } from './support/page-checks.ts';
import { type E2eServer, signIn, startE2eServer } from './support/server.ts';

const PASSWORD = 'a long enough test password';
const ANALYST = { email: 'analyst@example.nhs.uk', organisation: 'national', role: 'admin' };

let page: Page;
let console: ConsoleWatch;
let server: E2eServer | undefined;

async function apiJson<T>(path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** A change made through the API as the signed-in analyst, as the app makes it (with the session's CSRF token). */
async function apiPost<T>(path: string, body: unknown): Promise<T> {
  const { csrfToken } = await apiJson<{ csrfToken: string }>('/api/session');
  const response = await page.request.post(path, { data: body, headers: { 'x-csrf-token': csrfToken } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

async function visit(path: string): Promise<void> {
  await page.goto(path);
  await settled(page);
}

beforeAll(async () => {
  server = await startE2eServer('trust', async (ws) => {
    await addUser(ws, { ...ANALYST, password: PASSWORD });
  });
  ({ page } = server);
  console = watchConsole(page);
  await signIn(page, ANALYST.email, PASSWORD);
  // Signing in asks for the session before there is one; that 401 is the app working, not a fault.
  console.take();
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('pages an analyst trusts at a glance', () => {
  it('changes the overview year without an error and shows that year', async () => {
    await visit('/');
    const overview = await apiJson<{ years: string[]; year: string }>('/api/overview');
    const other = overview.years.find((y) => y !== overview.year);
    expect(other, 'the test workspace holds more than one year').toBeDefined();
    for (const width of [DESKTOP, MOBILE]) {
      await page.setViewportSize(width);
      await visit('/');
      await page.locator('#year').selectOption(other!);
      await page.waitForURL(new RegExp(`year=${encodeURIComponent(other!)}`));
      await settled(page);
      await page.locator('main h2', { hasText: `Integrated care boards, ${other}` }).waitFor();
      // The map is drawn again for the new year, and nothing was thrown while the page re-rendered.
      await page.locator('.fp-chart--map canvas').first().waitFor();
      await page.waitForTimeout(500);
      expect(console.take(), `console at ${width.width} px`).toEqual([]);
    }
    await page.setViewportSize(DESKTOP);
  });

  it('labels every Sankey node inside the chart at both widths', async () => {
    await visit('/flows');
    const problems = await pageProblems(page, console);
    expect(problems.map((p) => ({ width: p.width, charts: p.charts }))).toEqual(
      NO_PROBLEMS.map((p) => ({ width: p.width, charts: [] })),
    );
    // The check had something to look at: the Sankey was drawn.
    await expect(page.locator('.fp-chart canvas').count()).resolves.toBeGreaterThan(0);
  });

  it('keeps the funnel plot legend off the plot and its axis title whole on a phone', async () => {
    await page.setViewportSize(MOBILE);
    await visit('/variation');
    await page.locator('.fp-chart--tall canvas').first().waitFor();
    await page.waitForFunction("document.querySelector('.fp-chart--tall')?.dataset.labelProblems !== undefined");
    const funnel = (await page.evaluate("document.querySelector('.fp-chart--tall').dataset.labelProblems")) as string;
    expect(funnel).toBe('');
    await page.setViewportSize(DESKTOP);
  });

  it('compares an ICB with its region, similar ICBs and England over every year, and changes year', async () => {
    type Comparison = {
      peers: { code: string; name: string }[];
      years: { financialYear: string; icb: number }[];
    };
    const comparison = await apiJson<Comparison>('/api/icbs/QWE/comparison');
    expect(comparison.peers).toHaveLength(5);
    await visit('/icb/QWE');
    await expect(page.getByTestId('peer-method').textContent()).resolves.toMatch(/registered population and in need/);
    const peerTable = page.locator('table:has(caption:text("The ICBs most like"))');
    await expect(peerTable.locator('tbody tr').count()).resolves.toBe(5);
    // The trend table has a row for every year the run holds.
    const trend = page.locator('table:has(caption:text("Spend per head by year"))');
    await expect(trend.locator('tbody tr').count()).resolves.toBe(comparison.years.length);
    const first = comparison.years[0]!;
    await page.locator('#year').selectOption(first.financialYear);
    await page.waitForURL(new RegExp(`year=${encodeURIComponent(first.financialYear)}`));
    await settled(page);
    await expect(page.getByTestId('comparison-sentence').textContent()).resolves.toContain(
      `In ${first.financialYear} South West London spent £${first.icb.toFixed(2)} a head`,
    );
    expect(console.take()).toEqual([]);
  });

  it('shows a service over every year and changes its year', async () => {
    const services = await apiJson<{ rows: { code: string; name: string; nationalSpend: number }[] }>('/api/services');
    const service = [...services.rows].sort((a, b) => b.nationalSpend - a.nationalSpend)[0]!;
    const trend = await apiJson<{ years: { financialYear: string }[] }>(
      `/api/services/${encodeURIComponent(service.code)}/trend`,
    );
    expect(trend.years.length).toBeGreaterThan(1);
    await visit(`/services/${encodeURIComponent(service.code)}`);
    const table = page.locator('table:has(caption:text("England spend by year"))');
    await expect(table.locator('tbody tr').count()).resolves.toBe(trend.years.length);
    const first = trend.years[0]!.financialYear;
    await page.locator('#year').selectOption(first);
    await page.waitForURL(new RegExp(`year=${encodeURIComponent(first)}`));
    await settled(page);
    await page.locator('main h2', { hasText: `Spend per head by ICB, ${first}` }).waitFor();
    expect(console.take()).toEqual([]);
  });

  it("sets a service's spend per head for a chosen ICB beside its region, similar ICBs and England", async () => {
    const services = await apiJson<{ rows: { code: string; nationalSpend: number }[] }>('/api/services');
    const service = [...services.rows].sort((a, b) => b.nationalSpend - a.nationalSpend)[0]!.code;
    const trend = await apiJson<{
      service: { name: string };
      comparison: { peers: unknown[]; years: { financialYear: string; icb: number }[] };
    }>(`/api/services/${encodeURIComponent(service)}/trend?icb=QWE`);
    expect(trend.comparison.peers).toHaveLength(5);
    await visit(`/services/${encodeURIComponent(service)}`);
    await page.getByTestId('choose-icb-to-compare').waitFor();
    await page.getByLabel('Compare an ICB').selectOption('QWE');
    await page.waitForURL(/icb=QWE/);
    await settled(page);
    const latest = trend.comparison.years.at(-1)!;
    await expect(page.getByTestId('comparison-sentence').textContent()).resolves.toContain(
      `In ${latest.financialYear} South West London spent £${latest.icb.toFixed(2)} a head on ${trend.service.name}`,
    );
    const peerTable = page.locator('table:has(caption:text("The ICBs most like"))');
    await expect(peerTable.locator('tbody tr').count()).resolves.toBe(5);
    expect(console.take()).toEqual([]);
  });

  it('shows a provider over every year beside its region, similar providers and England, and changes year', async () => {
    const provider = await busiestProvider();
    type Profile = {
      provider: { name: string };
      years: string[];
      comparison: { peers: { code: string }[] };
      residentIcbs: unknown[];
    };
    const profile = await apiJson<Profile>(`/api/providers/${provider}`);
    expect(profile.comparison.peers).toHaveLength(5);
    // Reached from the flows table, where the provider is named and linked.
    await visit('/flows');
    await page.locator(`main table a[href="/providers/${provider}"]`).first().click();
    await page.waitForURL(new RegExp(`/providers/${provider}$`));
    await settled(page);
    await page.locator('main h1', { hasText: profile.provider.name }).waitFor();
    await expect(page.getByTestId('provider-peer-method').textContent()).resolves.toMatch(/size and in service mix/);
    const peers = page.locator('table:has(caption:text("The providers most like"))');
    await expect(peers.locator('tbody tr').count()).resolves.toBe(5);
    const years = page.locator('table:has(caption:text("income and patients by year"))');
    await expect(years.locator('tbody tr').count()).resolves.toBe(profile.years.length);
    const first = profile.years[0]!;
    await page.locator('#year').selectOption(first);
    await page.waitForURL(new RegExp(`year=${encodeURIComponent(first)}`));
    await settled(page);
    await page.locator('main h2', { hasText: `Services, ${first}` }).waitFor();
    await expect(page.getByTestId('provider-comparison-sentence').textContent()).resolves.toContain(`In ${first}`);
    expect(console.take()).toEqual([]);
  });

  it('groups the atlas services by programme of care and narrows them by search', async () => {
    await visit('/variation');
    const groups = await page
      .locator('#service optgroup')
      .evaluateAll((els) => els.map((e) => e.getAttribute('label')));
    expect(groups.length).toBeGreaterThan(0);
    const all = await page.locator('#service option').count();
    await page.getByLabel('Search services').fill('cancer');
    const shown = await page.locator('#service option').count();
    expect(shown).toBeLessThan(all);
    expect(console.take()).toEqual([]);
  });

  it('groups footprints by kind and narrows them by search', async () => {
    await visit('/flows');
    const groups = await page
      .locator('#flow-footprint optgroup')
      .evaluateAll((els) => els.map((e) => e.getAttribute('label')));
    expect(groups).toEqual(expect.arrayContaining(['Integrated care boards', 'NHS England regions']));
    await page.getByLabel('Search footprints').fill('genomic');
    const shown = await page.locator('#flow-footprint option').allTextContents();
    expect(shown.length).toBeGreaterThan(1);
    // Besides "All of England", only genomic laboratory hubs are left.
    expect(shown.slice(1).every((name) => /genomic/i.test(name))).toBe(true);
    await page.locator('#flow-footprint').selectOption({ label: shown[1]! });
    await page.waitForURL(/footprint=/);
    await settled(page);
    expect(console.take()).toEqual([]);
  });

  it('passes the shared checks on every page at 1280 and 375 px', async () => {
    const services = await apiJson<{ rows: { code: string; nationalSpend: number }[] }>('/api/services');
    const service = [...services.rows].sort((a, b) => b.nationalSpend - a.nationalSpend)[0]!.code;
    const kpis = await apiJson<{ rows: { kpiId: string }[] }>('/api/quality/kpis');
    expect(kpis.rows.length, 'the test workspace holds synthetic KPIs').toBeGreaterThan(0);
    // The pages about one stored object need one: a scenario (a new workspace holds baseline plans), a review
    // round and one of its reviews, a risk.
    const scenario = encodeURIComponent(
      (await apiJson<{ rows: { name: string }[] }>('/api/planning/scenarios')).rows[0]!.name,
    );
    const round = await apiPost<{ id: string }>('/api/assurance/rounds', { name: 'Planning round 2025/26' });
    const review = (await apiJson<{ reviews: { id: string }[] }>(`/api/assurance/rounds/${round.id}`)).reviews[0]!.id;
    const risk = await apiPost<{ id: string }>('/api/risks', {
      organisation: 'QWE',
      title: 'A paediatric surgery centre may not sustain its rota',
      category: 'provider-stability',
      owner: 'Director of specialised commissioning',
      likelihood: 4,
      impact: 4,
      mitigation: 'Network support from the tertiary centre',
      residualLikelihood: 2,
      residualImpact: 4,
      links: [],
      reviewed: '2026-01-10',
      nextReview: '2026-04-10',
    });
    const pages = [
      '/',
      '/icb/QWE',
      '/services',
      `/services/${encodeURIComponent(service)}`,
      `/services/${encodeURIComponent(service)}?icb=QWE`,
      `/providers/${await busiestProvider()}`,
      '/flows',
      '/footprints',
      '/variation',
      '/variation/icb/QWE',
      '/quality',
      `/quality/kpi/${encodeURIComponent(kpis.rows[0]!.kpiId)}`,
      '/places',
      '/places/networks',
      '/places/triangulation',
      '/places/wiring',
      '/assurance',
      '/assurance/heatmap',
      '/assurance/intentions',
      '/assurance/contracts',
      '/assurance/audit',
      '/delegation',
      '/delegation/outcomes',
      '/delegation/models',
      `/delegation/services/${encodeURIComponent(service)}`,
      '/planning',
      '/planning/new',
      '/planning/compare',
      `/planning/compare?s=${scenario}`,
      `/planning/scenarios/${scenario}`,
      `/planning/scenarios/${scenario}/edit`,
      `/planning/scenarios/${scenario}/whatif`,
      `/planning/scenarios/${scenario}/delivery`,
      `/assurance/rounds/${encodeURIComponent(round.id)}`,
      `/assurance/reviews/${encodeURIComponent(review)}`,
      '/assurance/payments',
      '/delegation/occasional-practice',
      '/risks',
      `/risks/${encodeURIComponent(risk.id)}`,
      '/users',
      '/data',
    ];
    const found: Record<string, unknown> = {};
    for (const path of pages) {
      await visit(path);
      const problems = await pageProblems(page, console);
      if (JSON.stringify(problems) !== JSON.stringify(NO_PROBLEMS)) found[path] = problems;
    }
    expect(found).toEqual({});
  }, 600_000);

  it('saves desktop and mobile screenshots of the pages a commissioner reads first', async () => {
    const services = await apiJson<{ rows: { code: string; nationalSpend: number }[] }>('/api/services');
    const service = [...services.rows].sort((a, b) => b.nationalSpend - a.nationalSpend)[0]!.code;
    const shots: [string, string][] = [
      ['trust-overview', '/'],
      ['trust-icb-peers', '/icb/QWE'],
      ['trust-service-comparison', `/services/${encodeURIComponent(service)}?icb=QWE`],
      ['trust-flows', '/flows'],
      ['trust-provider', `/providers/${await busiestProvider()}`],
    ];
    for (const [name, path] of shots) {
      await visit(path);
      const { mobileOverflow } = await screenshotBothWidths(page, name);
      expect(mobileOverflow, `${path} is wider than a phone`).toBeLessThanOrEqual(0);
    }
    expect(console.take()).toEqual([]);
  }, 300_000);
});

describe('signed out', () => {
  it('passes the shared checks on the sign-in page at 1280 and 375 px', async () => {
    const { csrfToken } = await apiJson<{ csrfToken: string }>('/api/session');
    expect((await page.request.delete('/api/session', { headers: { 'x-csrf-token': csrfToken } })).status()).toBe(204);
    await visit('/sign-in');
    await page.getByLabel('Email address').waitFor();
    // Asking for the session before signing in is refused, as it should be: that 401 is not a fault.
    console.take();
    expect(await pageProblems(page, console)).toEqual(NO_PROBLEMS);
  });
});

/** The provider with the largest income in the latest year, as the flows table lists it first. */
async function busiestProvider(): Promise<string> {
  const flows = await apiJson<{ rows: { provider: string; spend: number }[] }>('/api/flows');
  const income = new Map<string, number>();
  for (const r of flows.rows) income.set(r.provider, (income.get(r.provider) ?? 0) + r.spend);
  return [...income].sort((a, b) => b[1] - a[1])[0]![0];
}
