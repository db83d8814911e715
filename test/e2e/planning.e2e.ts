// Financial planning in a real browser: a London region editor starts a scenario from the shipped
// template (moving it to London's ICBs, with the live check naming a bad rate's field path), opens its
// plan and checks a figure and the Excel workbook against the API, adds a second scenario with
// convergence and a risk share, and compares the two; a viewer is told why they cannot edit. axe runs on
// each page and desktop and mobile screenshots are saved for a person to look at.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/data/users/user-store.ts';
import { screenshotBothWidths, seriousAccessibilityProblems, settled } from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/server.ts';

const PASSWORD = 'a long enough test password';
const EDITOR = { email: 'london.editor@example.nhs.uk', organisation: 'Y56', role: 'editor' };
const VIEWER = { email: 'swl.viewer@example.nhs.uk', organisation: 'QWE', role: 'viewer' };
const TEMPLATE = 'South of England 2017 QIPP approach';
const STRETCH = 'Stretch QIPP with convergence';
const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

let page: Page;
let server: E2eServer | undefined;

async function checkPage(name: string): Promise<void> {
  expect(await seriousAccessibilityProblems(page), `axe on ${name}`).toEqual([]);
  const { mobileOverflow } = await screenshotBothWidths(page, name);
  expect(mobileOverflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
}

async function signInAs(email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Waits for the page a link or button leads to: its address, its heading, then its data. */
async function arrive(path: string, heading: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === path);
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor({ timeout: 30_000 });
  await settled(page);
}

/** Waits for the live check to answer and returns what it says. */
async function checkResult(): Promise<string> {
  const check = page.getByTestId('scenario-check');
  await page.waitForFunction(
    "!document.querySelector('[data-testid=scenario-check]').textContent.includes('Checking')",
    undefined,
    { timeout: 30_000 },
  );
  return (await check.textContent()) ?? '';
}

/** Waits until the live check has caught up with the latest edit and found no problems. */
async function expectNoProblems(): Promise<void> {
  await page
    .getByText('No problems found')
    .waitFor({ state: 'visible', timeout: 30_000 })
    .catch(async () => {
      throw new Error(`the check still reports: ${await checkResult()}`);
    });
}

/** Replaces the template's South West units with London's South West and South East London ICBs. */
async function planForSouthLondon(): Promise<void> {
  const removeIcb = page.getByRole('button', { name: /^Remove NHS .*Integrated Care Board$/ });
  while ((await removeIcb.count()) > 0) await removeIcb.first().click();
  await page.getByLabel('Plan for').selectOption('QWE');
  await page.getByLabel('Plan for').selectOption('QKK');
}

const planOf = async (name: string) =>
  (await (await page.request.get(`/api/planning/scenarios/${encodeURIComponent(name)}/plan`)).json()) as {
    rows: { unit: string; financialYear: string; planSpend: number }[];
    convergence: unknown[] | null;
    riskShare: { members: { position: number }[]; totalVariance: number } | null;
  };

beforeAll(async () => {
  server = await startE2eServer('planning', async (ws) => {
    for (const user of [EDITOR, VIEWER]) await addUser(ws, { ...user, password: PASSWORD });
  });
  ({ page } = server);
  await signInAs(EDITOR.email);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('financial planning', () => {
  it('an editor starts a scenario from the template; the live check names a bad field; it saves', async () => {
    await page.getByRole('link', { name: 'Planning', exact: true }).click();
    await arrive('/planning', 'Financial planning');
    // A new workspace is planned out of the box: the baseline on the current planning round is listed.
    await expect(page.getByRole('link', { name: 'Baseline: current planning round' }).count()).resolves.toBe(1);
    await page.getByRole('link', { name: `Start from “${TEMPLATE}”` }).click();
    await arrive('/planning/new', 'New scenario');
    // The template's 2016/17 base year is moved to the latest year the workspace has.
    await expect(page.getByLabel('Base year').inputValue()).resolves.toBe('2025/26');
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe(TEMPLATE);

    await planForSouthLondon();
    await expectNoProblems();
    const rate = page.getByLabel('Transformational schemes: new full-year saving 2026/27 (%)');
    await rate.fill('150');
    await expect.poll(checkResult, { timeout: 30_000 }).toMatch(/qipp\[2\]\.rates\[0\].*Accepted: a fraction from 0/);
    await rate.fill('3');
    await expectNoProblems();
    await checkPage('planning-editor');

    await page.getByRole('button', { name: 'Save scenario' }).click();
    await arrive(`/planning/scenarios/${encodeURIComponent(TEMPLATE)}`, TEMPLATE);
  });

  it('the plan shows the API’s figures, and its Excel export is the whole plan workbook', async () => {
    const plan = await planOf(TEMPLATE);
    const qwe = plan.rows.filter((r) => r.unit === 'QWE');
    const last = qwe[qwe.length - 1]!;
    expect(last.financialYear).toBe('2029/30');
    const planLine = page.getByTestId('plan-table').getByRole('row', { name: /^Plan spend/ });
    await expect(planLine.locator('td').last().textContent()).resolves.toBe(pounds.format(last.planSpend));
    await expect(page.getByRole('img', { name: /Waterfall for QWE/ }).count()).resolves.toBe(1);
    await expect(page.getByTestId('scheme-table').getByRole('row').count()).resolves.toBe(4);

    const excel = page.getByRole('link', { name: /Export to Excel/ });
    const download = await page.request.get((await excel.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download.body()) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['About', 'Inputs', 'South West London', 'South East London', 'Plan', 'QIPP by scheme']),
    );
    const sheet = book.getWorksheet('South West London')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    let planSpend: unknown;
    sheet.eachRow((row) => {
      // A formula over the Inputs, carrying the app's figure as its result.
      if (row.getCell(1).value === 'Plan spend') planSpend = row.getCell(header.indexOf('2029/30')).result;
    });
    expect(planSpend).toBeCloseTo(last.planSpend, 2);
    await checkPage('planning-plan');
  });

  it('a second scenario converges on target and shares risk; the two are compared side by side', async () => {
    await page.goto('/planning/new?template=south-of-england-2017');
    await settled(page);
    await planForSouthLondon();
    await page.getByLabel('Name', { exact: true }).fill(STRETCH);
    await page.getByLabel('Transformational schemes: new full-year saving 2026/27 (%)').fill('4');
    await page.getByLabel(/^Weighted population/).check();
    await page.getByLabel('Move allocations towards target (pace of change)').check();
    await page.getByLabel('Share the risk of a pooled footprint budget').check();
    await page.getByLabel('Footprint', { exact: true }).selectOption('South London');
    await page.getByLabel('Outturn of QKK (£)').fill('900000000');
    await page.getByLabel('Outturn of QWE (£)').fill('700000000');
    await expectNoProblems();
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await arrive(`/planning/scenarios/${encodeURIComponent(STRETCH)}`, STRETCH);
    const plan = await planOf(STRETCH);
    expect(plan.convergence?.length).toBe(8);
    await expect(page.getByRole('img', { name: /Distance from target by ICB/ }).count()).resolves.toBe(1);
    const positions = page.getByRole('table', { name: 'Risk share in South London' }).locator('tbody tr');
    await expect(positions.count()).resolves.toBe(2);
    await checkPage('planning-plan-convergence');

    await page.getByRole('link', { name: 'Financial planning' }).first().click();
    await arrive('/planning', 'Financial planning');
    await expect(page.getByRole('link', { name: /^You can edit/ }).count()).resolves.toBe(2);
    await checkPage('planning-scenarios');
    await page.getByLabel(TEMPLATE).check();
    await page.getByLabel(STRETCH).check();
    await page.getByRole('button', { name: 'Compare' }).click();
    await arrive('/planning/compare', 'Compare scenarios');
    const table = page.getByTestId('comparison-table');
    await expect
      .poll(() => table.getByRole('columnheader').allTextContents(), { timeout: 30_000 })
      .toEqual(['Figure', TEMPLATE, STRETCH]);
    // The stretch scenario saves more in its first year, so its plan spend is lower.
    const [, template, stretch] = await table
      .getByRole('row', { name: /^Final-year plan spend/ })
      .locator('th, td')
      .allTextContents();
    const amount = (text: string | undefined) => Number(text?.replace(/[£,]/g, ''));
    expect(amount(stretch)).toBeLessThan(amount(template));
    await checkPage('planning-compare');
  });

  it('a viewer reads the plans but is told why they cannot edit', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
    await signInAs(VIEWER.email);
    await page.goto('/planning');
    await settled(page);
    await expect(page.getByTestId('why-not-editor').textContent()).resolves.toContain('viewer');
    await expect(page.getByRole('link', { name: /^Start from/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: /^You can edit/ }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: TEMPLATE }).click();
    await arrive(`/planning/scenarios/${encodeURIComponent(TEMPLATE)}`, TEMPLATE);
    await expect(page.getByRole('link', { name: 'Edit this scenario' }).count()).resolves.toBe(0);
    await expect(page.getByTestId('plan-table').count()).resolves.toBe(1);
    await page.goto(`/planning/scenarios/${encodeURIComponent(TEMPLATE)}/edit`);
    await settled(page);
    await expect(page.getByTestId('why-not-editor').textContent()).resolves.toContain(
      'but not add or change scenarios',
    );
    await expect(page.getByRole('button', { name: 'Save changes' }).count()).resolves.toBe(0);
    await checkPage('planning-viewer');
  });
});
