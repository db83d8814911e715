// The service-change what-if in a real browser: a stored scenario consolidates the busiest service's two
// first providers into a third; a viewer follows the plan page's link to the what-if, sees the money move
// without vanishing, the closed providers no longer providing it and the receiver's volume beside the
// API's figures, and downloads the workbook; then reads the scenario's QIPP delivery against imported
// monthly actuals (one scheme on plan, one at half). axe runs and desktop and mobile screenshots are saved.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import template from '../../definitions/scenarios/south-of-england-2017.json' with { type: 'json' };
import type { Scenario } from '../../src/core/planning/scenario-schema.ts';
import type { QippDeliveryAnswer } from '../../src/core/qipp/qipp-delivery.ts';
import type { WhatIfAnswer } from '../../src/core/service-change/index.ts';
import { saveScenario } from '../../src/data/planning/scenario-store.ts';
import { importQippActuals, readQippDelivery } from '../../src/data/qipp/qipp-delivery.ts';
import { addUser } from '../../src/data/users/user-store.ts';
import { screenshotBothWidths, seriousAccessibilityProblems, settled } from './support/browser.ts';
import { type ConsoleWatch, NO_PROBLEMS, pageProblems, watchConsole } from './support/page-checks.ts';
import { type E2eServer, signIn, startE2eServer } from './support/server.ts';

const PASSWORD = 'a long enough test password';
const VIEWER = { email: 'swl.viewer@example.nhs.uk', organisation: 'QWE', role: 'viewer' } as const;
const EDITOR = { email: 'swl.editor@example.nhs.uk', organisation: 'QWE', role: 'editor' } as const;
const NAME = 'Consolidate the busiest service';
const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

let page: Page;
let console: ConsoleWatch;
let server: E2eServer | undefined;
let closing: string[] = [];
let receiver = '';
let schemes: string[] = [];

beforeAll(async () => {
  server = await startE2eServer('what-if', async (ws) => {
    for (const user of [VIEWER, EDITOR]) await addUser(ws, { ...user, password: PASSWORD });
    const baseYear = (await ws.one<{ year: string }>('SELECT max(financial_year) AS year FROM flow'))!.year;
    const service = (await ws.one<{ code: string }>(
      `SELECT f.service_code AS code FROM flow f JOIN service s ON s.service_code = f.service_code AND s.is_current
       WHERE f.vintage = '2026' AND f.financial_year = $1 GROUP BY ALL
       ORDER BY count(DISTINCT f.provider_code) DESC, code LIMIT 1`,
      [baseYear],
    ))!.code;
    const providers = (
      await ws.all<{ code: string }>(
        `SELECT provider_code AS code FROM flow WHERE vintage = '2026' AND financial_year = $1 AND service_code = $2
         GROUP BY ALL ORDER BY sum(activity) DESC, code`,
        [baseYear, service],
      )
    ).map((r) => r.code);
    closing = providers.slice(-2);
    receiver = providers[0]!;
    const start = Number(baseYear.slice(0, 4)) + 2;
    const scenario = {
      ...structuredClone(template),
      name: NAME,
      baseYear,
      units: ['QWE'],
      allocation: { growth: template.allocation.growth },
      changes: [
        {
          type: 'consolidate',
          service,
          fromProviders: closing,
          toProviders: [receiver],
          startYear: `${start}/${String((start + 1) % 100).padStart(2, '0')}`,
        },
      ],
    } as Scenario;
    const by = { actor: 'setup@example.nhs.uk', organisation: 'QWE' };
    await saveScenario(ws, scenario, { owner: 'QWE', by });
    const firstYear = `${start - 1}/${String(start % 100).padStart(2, '0')}`;
    const planned = await readQippDelivery(ws, NAME, firstYear);
    const [onPlan, half] = scenario.qipp.map((q) => q.name) as [string, string];
    const monthly = (scheme: string, share: number) =>
      (Math.round((planned.rows.find((r) => r.scheme === scheme)!.planned * 100 * share) / 12) / 100).toFixed(2);
    const lines = ['scheme,unit,month,saving'];
    for (const month of [1, 2, 3, 4]) {
      lines.push(`"${onPlan}",QWE,${month},${monthly(onPlan, 1)}`, `"${half}",QWE,${month},${monthly(half, 0.5)}`);
    }
    const file = join(ws.file, '..', 'actuals.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    await importQippActuals(ws, NAME, firstYear, file, by);
    schemes = [onPlan, half];
  });
  ({ page } = server);
  console = watchConsole(page);
  await signIn(page, VIEWER.email, PASSWORD);
  // The sign-in page asks for a session before there is one (401): expected, not a page problem.
  console.take();
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('service change what-if', () => {
  it('shows the money moving between providers, the closed providers empty and the receiver grown', async () => {
    const api = (await (
      await page.request.get(`/api/planning/scenarios/${encodeURIComponent(NAME)}/whatif`)
    ).json()) as WhatIfAnswer;
    await page.goto(`/planning/scenarios/${encodeURIComponent(NAME)}`);
    await page.getByRole('link', { name: /See what the service changes do/ }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/whatif'));
    await page.getByRole('heading', { level: 1, name: `Service change what-if: ${NAME}` }).waitFor();
    await settled(page);

    const last = api.years[api.years.length - 1]!;
    expect(last.difference).toBe(0);
    const totals = page.getByTestId('what-if-totals');
    await expect(totals.textContent()).resolves.toContain('None: the money moves between providers');
    await expect(page.getByTestId('what-if-changes').textContent()).resolves.toContain(api.changes[0]!.serviceName);

    const atLast = api.providers.filter((p) => p.financialYear === last.financialYear);
    for (const code of closing) {
      const row = atLast.find((p) => p.provider === code)!;
      expect(row.patients).toBe(0);
      await expect(
        page
          .getByRole('row', { name: new RegExp(`^${row.providerName.replace(/[()]/g, '.')}`) })
          .first()
          .textContent(),
      ).resolves.toContain('No longer provides it');
    }
    const grown = atLast.find((p) => p.provider === receiver)!;
    const receiverRow = page.getByRole('row', { name: new RegExp(`^${grown.providerName.replace(/[()]/g, '.')}`) });
    await expect(receiverRow.first().textContent()).resolves.toContain(
      `${count.format(Math.round(grown.baselinePatients))} → ${count.format(Math.round(grown.patients))}`,
    );
    await expect(page.getByRole('img', { name: /Patients by provider/ }).count()).resolves.toBe(1);

    // The first plan year is before the start: nothing moves.
    await page.getByLabel('Financial year').selectOption(api.years[0]!.financialYear);
    await page.getByText('Nothing moves this year: the changes start later.').waitFor();

    const excel = page.getByRole('link', { name: /Export to Excel/ });
    const download = await page.request.get((await excel.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download.body()) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Changed flows', 'Providers', 'ICBs', 'Totals']);

    await page.getByLabel('Financial year').selectOption(last.financialYear);
    await settled(page);
    // The map of travel: baseline and with the changes, on one scale; the ICB table gives each mean.
    const maps = page.getByTestId('travel-maps').getByRole('img', { name: /how far residents travel/ });
    await expect(maps.count()).resolves.toBe(2);
    const moved = api.icbs.find(
      (r) =>
        r.financialYear === last.financialYear &&
        r.meanDistanceKm !== null &&
        r.baselineMeanDistanceKm !== null &&
        r.meanDistanceKm !== r.baselineMeanDistanceKm,
    )!;
    expect(moved, 'some ICB travels a different distance after the consolidation').toBeDefined();
    const kmText = (n: number) => `${n.toLocaleString('en-GB', { maximumFractionDigits: 1 })} km`;
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      `${kmText(moved.baselineMeanDistanceKm!)} → ${kmText(moved.meanDistanceKm!)}`,
    );
    expect(await pageProblems(page, console), 'page checks on the what-if page').toEqual(NO_PROBLEMS);
    expect(await seriousAccessibilityProblems(page), 'axe on the what-if page').toEqual([]);
    const { mobileOverflow } = await screenshotBothWidths(page, 'what-if');
    expect(mobileOverflow, 'the what-if page scrolls sideways at 375 px').toBeLessThanOrEqual(0);
  });

  it('shows QIPP delivery: the scheme on plan is green, the one at half is red', async () => {
    await page.goto(`/planning/scenarios/${encodeURIComponent(NAME)}`);
    await page.getByRole('link', { name: /QIPP delivery: planned against actual/ }).click();
    await page.getByRole('heading', { level: 1, name: `QIPP delivery: ${NAME}` }).waitFor();
    await settled(page);
    const row = (scheme: string) => page.getByRole('row', { name: new RegExp(`^${scheme.replace(/[():]/g, '.')}`) });
    await expect(row(schemes[0]!).textContent()).resolves.toContain('Green');
    await expect(row(schemes[1]!).textContent()).resolves.toContain('Red');
    await expect(row(schemes[0]!).textContent()).resolves.toContain('4 months');
    expect(await seriousAccessibilityProblems(page), 'axe on the QIPP delivery page').toEqual([]);
    const { mobileOverflow } = await screenshotBothWidths(page, 'qipp-delivery');
    expect(mobileOverflow, 'the QIPP delivery page scrolls sideways at 375 px').toBeLessThanOrEqual(0);
  });

  it('an editor sees the change in the scenario form, laid out and passing the check', async () => {
    await page.context().clearCookies();
    await signIn(page, EDITOR.email, PASSWORD);
    await page.goto(`/planning/scenarios/${encodeURIComponent(NAME)}/edit`);
    const change = page.getByTestId('change-0');
    await change.waitFor({ timeout: 30_000 });
    await expect(page.getByLabel('Change 1: kind').inputValue()).resolves.toBe('consolidate');
    for (const code of [...closing, receiver]) await expect(change.textContent()).resolves.toContain(`(${code})`);
    await page.getByText('No problems found').waitFor({ timeout: 30_000 });
    await change.scrollIntoViewIfNeeded();
    expect(await seriousAccessibilityProblems(page), 'axe on the editor with a change').toEqual([]);
    await screenshotBothWidths(page, 'scenario-editor-changes');
  });

  it('an editor imports monthly actuals on the QIPP delivery page; a bad row is named first', async () => {
    const path = `/planning/scenarios/${encodeURIComponent(NAME)}/qipp-delivery`;
    await page.context().clearCookies();
    await signIn(page, EDITOR.email, PASSWORD);
    await page.goto(`/planning/scenarios/${encodeURIComponent(NAME)}/delivery`);
    await page.getByRole('heading', { level: 2, name: 'Import monthly actuals' }).waitFor();
    await settled(page);
    await page.getByLabel('Or paste the CSV').fill('scheme,unit,month,saving\n"No such scheme",QWE,1,10.00\n');
    await page.getByRole('button', { name: 'Import the actuals' }).click();
    const summary = page.locator('#qipp-import-error-summary');
    await summary.getByText('Row 1, scheme: No such scheme is not a scheme of the scenario.').waitFor();
    await expect(summary.getByRole('link').getAttribute('href')).resolves.toBe('#qipp-import-csv');

    // Five months of both schemes exactly on their phased plan: both green.
    const answer = (await (await page.request.get(`/api${path}`)).json()) as QippDeliveryAnswer;
    const planOf = (scheme: string) => answer.rows.find((r) => r.level === 'scheme' && r.scheme === scheme)!;
    const lines = ['scheme,unit,month,saving'];
    for (const scheme of schemes) {
      for (const month of [1, 2, 3, 4, 5])
        lines.push(`"${scheme}",QWE,${month},${planOf(scheme).plannedByMonth[month - 1]!.toFixed(2)}`);
    }
    await page.getByLabel('Or paste the CSV').fill(`${lines.join('\n')}\n`);
    await page.getByRole('button', { name: 'Import the actuals' }).click();
    await page.getByRole('status').getByText(`Imported 10 monthly actuals for ${answer.financialYear}.`).waitFor();
    const row = (scheme: string) => page.getByRole('row', { name: new RegExp(`^${scheme.replace(/[():]/g, '.')}`) });
    for (const scheme of schemes) {
      await expect(row(scheme).textContent()).resolves.toContain('Green');
      await expect(row(scheme).textContent()).resolves.toContain('5 months');
    }
    const may = page.getByRole('table', { name: /month by month/ }).getByRole('row', { name: /^May/ });
    const total = answer.rows.find((r) => r.level === 'total')!.plannedByMonth[1]!;
    await expect(may.textContent()).resolves.toContain(`£${Math.round(total).toLocaleString('en-GB')}`);
    // The refusal above was the API's 400, as meant; the editor's sign-in asked for a session first (401).
    expect(console.take().every((e) => /status of 40[01]/.test(e))).toBe(true);
    expect(await pageProblems(page, console), 'page checks on QIPP delivery with its import form').toEqual(NO_PROBLEMS);
    expect(await seriousAccessibilityProblems(page), 'axe on QIPP delivery with its import form').toEqual([]);
    await screenshotBothWidths(page, 'qipp-import');
  });
});
