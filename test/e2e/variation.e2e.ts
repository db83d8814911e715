// The atlas of variation and quality pages in a real browser, on a workspace made by initWorkspace (real
// reference data, 20,000 rows of synthetic activity, the synthetic KPIs): figures on screen against the
// API, the funnel plot and map drawn, an Excel download opened, a derogation recorded through the form,
// axe on every page, and desktop and mobile screenshots under test/e2e/screenshots/.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/data/users/user-store.ts';
import type { Workspace } from '../../src/data/workspace.ts';
import { screenshotBothWidths, seriousAccessibilityProblems, settled } from './support/browser.ts';
import { type E2eServer, signIn, startE2eServer } from './support/server.ts';

const PASSWORD = 'a long enough test password';
const EDITOR = { email: 'quality.editor@example.nhs.uk', organisation: 'QWE', role: 'editor' };

let dir: string;
let ws: Workspace;
let page: Page;
let server: E2eServer | undefined;

async function visit(path: string): Promise<void> {
  await page.goto(path);
  await settled(page);
}

async function checkPage(name: string): Promise<void> {
  expect(await seriousAccessibilityProblems(page), `axe on ${name}`).toEqual([]);
  const { mobileOverflow } = await screenshotBothWidths(page, name);
  expect(mobileOverflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
}

async function apiJson<T>(path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  server = await startE2eServer('variation', async (ws) => {
    await addUser(ws, { ...EDITOR, password: PASSWORD });
  });
  ({ dir, ws, page } = server);
  await signIn(page, EDITOR.email, PASSWORD);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('variation and quality pages', () => {
  it('shows the atlas for the busiest service: funnel plot, map and every ICB in the table', async () => {
    await visit('/variation');
    await page.getByRole('link', { name: 'Variation', exact: true }).waitFor();
    type Atlas = { service: { name: string }; rates: { icbName: string; significance: string }[] };
    const atlas = await apiJson<Atlas>('/api/variation');
    await expect(page.locator('h2').first().textContent()).resolves.toContain(atlas.service.name);
    await expect(page.locator('.fp-chart--tall canvas').count()).resolves.toBeGreaterThan(0);
    await page.locator('.fp-chart--map canvas').first().waitFor();
    const rows = page.locator('table:has(caption:text("by ICB")) tbody tr');
    await expect(rows.count()).resolves.toBe(atlas.rates.length);
    await checkPage('variation');
  });

  it('changes measure and downloads the atlas as Excel with both sheets', async () => {
    await page.getByLabel('Measure').selectOption('spend');
    await page.waitForURL(/measure=spend/);
    await settled(page);
    await expect(page.locator('h2').first().textContent()).resolves.toContain('spend per registered patient');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', { name: /Export to Excel/ })
        .first()
        .click(),
    ]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Rates by ICB', 'Variation over time']);
    await checkPage('variation-spend');
  });

  it('lists where the signed-in ICB is an outlier, with its peers', async () => {
    await visit('/variation');
    await page.getByRole('link', { name: /Where is .* an outlier/ }).click();
    await page.waitForURL(/\/variation\/icb\/QWE/);
    await settled(page);
    type Outliers = { outliers: unknown[]; peers: unknown[] };
    const answer = await apiJson<Outliers>('/api/variation/icbs/QWE');
    const rows = page.locator('table:has(caption:text("Outliers against England")) tbody tr');
    await expect(rows.count()).resolves.toBe(answer.outliers.length);
    await expect(page.locator('table:has(caption:text("Peers of")) tbody tr').count()).resolves.toBe(5);
    await checkPage('variation-icb');
  });

  it('shows the KPI list with SPC icons and the escalation list, and a KPI’s XmR chart', async () => {
    await visit('/quality');
    type Kpis = { rows: { kpiId: string; status: string }[] };
    const kpis = await apiJson<Kpis>('/api/quality/kpis');
    expect(kpis.rows).toHaveLength(24);
    const escalated = kpis.rows.filter((k) => k.status === 'escalate-to-cqrm').length;
    await expect(page.locator('table:has(caption:text("KPIs escalated to CQRM")) tbody tr').count()).resolves.toBe(
      escalated,
    );
    await expect(page.locator('.fp-spc-icon').count()).resolves.toBeGreaterThan(24);
    await checkPage('quality');
    await page.locator('table:has(caption:text("KPIs escalated to CQRM")) tbody tr a').first().click();
    await page.waitForURL(/\/quality\/kpi\//);
    await settled(page);
    await expect(page.locator('.fp-chart canvas').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('table:has(caption:text("Monthly values")) tbody tr').count()).resolves.toBe(24);
    await checkPage('quality-kpi');
  });

  it('records a derogation through the form and shows it in the register; one for another ICB’s provider is refused', async () => {
    const provider = (await ws.one<{ code: string }>(
      "SELECT provider_code AS code FROM provider WHERE host_icb = 'QWE' ORDER BY provider_code LIMIT 1",
    ))!.code;
    await visit('/quality');
    await page.getByLabel('Provider ODS code').fill(provider);
    await page.getByLabel('Service line code').fill('11');
    await page.getByLabel('Specification clause not met').fill('4.2 Named consultant for every patient');
    await page.getByLabel('Agreed date to comply').fill('2027-03-31');
    await page.getByRole('button', { name: 'Record derogation' }).click();
    await page.getByRole('status').filter({ hasText: 'Recorded derogation' }).waitFor();
    const register = page.locator('table:has(caption:text("Derogations")) tbody tr');
    await expect(register.first().textContent()).resolves.toContain('4.2 Named consultant');
    const elsewhere = (await ws.one<{ code: string }>(
      "SELECT provider_code AS code FROM provider WHERE host_icb = 'QKK' ORDER BY provider_code LIMIT 1",
    ))!.code;
    await page.getByLabel('Provider ODS code').fill(elsewhere);
    await page.getByLabel('Specification clause not met').fill('x');
    await page.getByRole('button', { name: 'Record derogation' }).click();
    await expect(page.locator('.nhsuk-error-summary').textContent()).resolves.toContain('cannot record derogations');
    await checkPage('quality-derogation-error');
  });
});
