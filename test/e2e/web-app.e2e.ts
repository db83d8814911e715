// The web app in a real browser: the built app served by the real server over a workspace with England
// reference data and 20,000 rows of synthetic activity. Signs in, visits every page, checks figures on
// screen against the API, downloads an Excel export and opens it, moves by keyboard, runs axe on every
// page, and saves desktop and mobile screenshots under test/e2e/screenshots/ for a person to look at.
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/data/users/user-store.ts';
import { screenshotBothWidths, seriousAccessibilityProblems, settled } from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/server.ts';

const PASSWORD = 'a long enough test password';
const EDITOR = { email: 'editor@example.nhs.uk', organisation: 'QWE', role: 'editor' };
const VIEWER = { email: 'viewer@example.nhs.uk', organisation: 'QWE', role: 'viewer' };

/** The home page's JavaScript budget, gzipped (issue 3, Performance). */
const HOME_PAGE_JS_BUDGET = 400 * 1024;

let dir: string;
let page: Page;
let server: E2eServer | undefined;

/** Independent of the app's own formatting code: whole pounds with thousands separators. */
const pounds = (n: number) => `£${Math.round(n).toLocaleString('en-GB')}`;

async function signIn(user: { email: string }): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
}

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
  server = await startE2eServer('web-app', async (ws) => {
    await addUser(ws, { ...EDITOR, password: PASSWORD });
    await addUser(ws, { ...VIEWER, password: PASSWORD });
  });
  ({ dir, page } = server);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('web app', () => {
  it('sends a visitor who is not signed in to the sign-in page, which explains itself', async () => {
    await page.goto('/flows');
    await page.waitForURL(/\/sign-in\?next=%2Fflows/);
    await settled(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign in to Footprint');
    await checkPage('sign-in');
  });

  it('rejects a wrong password with an error summary and signs in with the right one', async () => {
    await page.getByLabel('Email address').fill(EDITOR.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.nhsuk-error-summary').textContent()).resolves.toContain('not right');
    await page.screenshot({ path: join(import.meta.dirname, 'screenshots', 'sign-in-error-desktop.png') });
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/flows$/);
  });

  it('shows the England overview with figures that match the API', async () => {
    await visit('/');
    type Overview = {
      year: string;
      totalsByYear: { financialYear: string; populationBasisSpend: number }[];
      icbs: { code: string; name: string; populationBasisSpend: number }[];
    };
    const overview = await apiJson<Overview>('/api/overview');
    const total = overview.totalsByYear.find((t) => t.financialYear === overview.year)!;
    await expect(page.getByTestId('total-spend').textContent()).resolves.toBe(pounds(total.populationBasisSpend));
    // The ICB table starts sorted by population-basis spend, largest first.
    const largest = [...overview.icbs].sort((a, b) => b.populationBasisSpend - a.populationBasisSpend)[0]!;
    const firstRow = page.locator('table:has(caption:text("Specialised spend by ICB")) tbody tr').first();
    // The table names ICBs without the "NHS … Integrated Care Board" wrapping.
    await expect(firstRow.locator('th').textContent()).resolves.toBe(
      largest.name.replace(/^NHS /, '').replace(/ Integrated Care Board$/, ''),
    );
    await expect(firstRow.textContent()).resolves.toContain(pounds(largest.populationBasisSpend));
    await expect(page.locator('.fp-chart--map canvas').count()).resolves.toBeGreaterThan(0);
    await checkPage('overview');
  });

  it('sorts the ICB table by a column header button', async () => {
    const table = page.locator('table:has(caption:text("Specialised spend by ICB"))');
    await table.getByRole('button', { name: 'ICB', exact: true }).click();
    await expect(table.locator('thead th[aria-sort="descending"]').textContent()).resolves.toContain('ICB');
    const names = await table.locator('tbody th').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'en-GB', { numeric: true })));
  });

  it('downloads the ICB table as an Excel file holding the rows shown', async () => {
    const overview = await apiJson<{ year: string; icbs: { name: string }[] }>('/api/overview');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Export to Excel.*spend by ICB/ }).click(),
    ]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(file).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(overview.icbs.length + 1);
    const cells = sheet.getColumn(2).values.map(String);
    for (const icb of overview.icbs) expect(cells).toContain(icb.name);
  });

  it('moves to another section with the keyboard alone', async () => {
    await visit('/');
    // Start where a person arriving on the page starts: the top of the document.
    await page.evaluate(
      'document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute("tabindex")',
    );
    const visited: string[] = [];
    let reached = false;
    for (let presses = 0; presses < 30 && !reached; presses++) {
      await page.keyboard.press('Tab');
      const focused = (await page.evaluate(
        `(document.activeElement?.closest('nav[aria-label="Menu"]') ? 'menu: ' : '') + (document.activeElement?.textContent ?? '')`,
      )) as string;
      visited.push(focused);
      reached = focused === 'menu: Services';
    }
    expect(reached, `Tab reaches "Services" in the main navigation; focus went ${visited.join(' → ')}`).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/services$/);
    await settled(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Specialised services');
  });

  it('shows an ICB page whose total matches the API', async () => {
    await visit('/icb/QWE');
    const profile = await apiJson<{ icb: { name: string }; spendByProgramme: { spend: number }[] }>('/api/icbs/QWE');
    await expect(page.locator('h1').textContent()).resolves.toBe(profile.icb.name);
    const total = profile.spendByProgramme.reduce((sum, p) => sum + p.spend, 0);
    await expect(page.getByTestId('icb-total-spend').textContent()).resolves.toBe(pounds(total));
    await checkPage('icb');
  });

  it('shows the services catalogue with its note, filters it, and opens a service', async () => {
    await visit('/services');
    const catalogue = await apiJson<{
      rows: { code: string; name: string; nationalSpend: number }[];
      catalogueNote: string;
    }>('/api/services');
    await expect(page.getByTestId('catalogue-note').textContent()).resolves.toBe(catalogue.catalogueNote);
    await expect(page.getByTestId('catalogue-coverage').textContent()).resolves.toContain(
      `${catalogue.rows.length} of about 154`,
    );
    await expect(page.locator('tbody tr').count()).resolves.toBe(catalogue.rows.length);
    await checkPage('services');
    const biggest = [...catalogue.rows].sort((a, b) => b.nationalSpend - a.nationalSpend)[0]!;
    await page.getByLabel('Search by name or code').fill(biggest.name);
    await expect(page.locator('tbody tr').first().locator('th').textContent()).resolves.toBe(biggest.name);
    await page.getByRole('link', { name: biggest.name, exact: true }).click();
    await page.waitForURL(new RegExp(`/services/${encodeURIComponent(biggest.code)}$`));
    await settled(page);
    await expect(page.locator('h1').textContent()).resolves.toBe(biggest.name);
    await checkPage('service');
  });

  it('shows patient flows with the cross-boundary share from the API', async () => {
    await visit('/flows');
    const flows = await apiJson<{ crossBoundaryShare: number }>('/api/flows');
    await expect(page.getByTestId('cross-boundary-share').textContent()).resolves.toBe(
      `${(flows.crossBoundaryShare * 100).toFixed(1)}%`,
    );
    await checkPage('flows');
    await page.getByLabel('Footprint', { exact: true }).selectOption({ label: 'South London' });
    await settled(page);
    expect(page.url()).toContain('footprint=South+London');
  });

  it('lets an editor define a footprint and remove it', async () => {
    await visit('/footprints');
    await checkPage('footprints-editor');
    await page.getByRole('button', { name: 'Save footprint' }).click();
    await expect(page.locator('.nhsuk-error-summary').textContent()).resolves.toContain('Enter a name');
    await page.getByLabel('Name', { exact: true }).fill('Test hub');
    await page.locator('#icb-QWE').check();
    await page.locator('#icb-QKK').check();
    await page.getByRole('button', { name: 'Save footprint' }).click();
    const row = page.locator('tbody tr', { has: page.locator('th', { hasText: 'Test hub' }) });
    await row.waitFor();
    await row.getByRole('button', { name: /Remove/ }).click();
    await row.waitFor({ state: 'detached' });
  });

  it('shows a designed error for an ICB that does not exist', async () => {
    await visit('/icb/ZZZ');
    await expect(page.locator('.nhsuk-error-summary').textContent()).resolves.toContain('could not load');
    await checkPage('icb-not-found');
  });

  it('signs out, and a viewer is told why they cannot define footprints', async () => {
    await signOut();
    await settled(page);
    await expect(page.locator('main [role="status"]').textContent()).resolves.toContain('You have signed out');
    await signIn(VIEWER);
    await visit('/footprints');
    await expect(page.getByTestId('why-not-editor').textContent()).resolves.toContain('Only editors');
    await checkPage('footprints-viewer');
  });

  it('keeps the home page JavaScript under 400 KB gzipped', async () => {
    // Every script the home page loads (entry, preloaded and lazy chunks), whether or not the browser had
    // it cached, fetched again to measure its size.
    const scripts = new Set<string>();
    const collect = (response: import('playwright-core').Response) => {
      if (new URL(response.url()).pathname.endsWith('.js')) scripts.add(response.url());
    };
    page.on('response', collect);
    await page.goto('/');
    await settled(page);
    page.off('response', collect);
    let gzipped = 0;
    for (const url of scripts) gzipped += gzipSync(await (await page.request.get(url)).body(), { level: 9 }).length;
    console.log(`Home page JavaScript: ${scripts.size} files, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(scripts.size).toBeGreaterThan(0);
    expect(gzipped).toBeLessThan(HOME_PAGE_JS_BUDGET);
  });
});
