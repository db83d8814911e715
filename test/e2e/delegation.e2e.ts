// Segmentation, delegation and tiering in a real browser. A London regional editor opens the segmentation
// matrix of a new workspace (no exercise: the data's suggested scores stand alone), starts an exercise,
// two assessors' answers are imported with the data functions, the editor runs the exercise from the outcome
// board, reads the matrix with its disagreements, the outcome statement (checked against the API), exports
// the board to Excel (opened with exceljs), opens a tiered service's chart and evidence, and sets a
// commissioning model. axe runs on each page; desktop and mobile screenshots are saved to look at.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAssessment } from '../../src/data/delegation/import-assessment.ts';
import { addUser } from '../../src/data/users/user-store.ts';
import type { Workspace } from '../../src/data/workspace.ts';
import { screenshotBothWidths, seriousAccessibilityProblems, settled } from './support/browser.ts';
import { type E2eServer, signIn, startE2eServer } from './support/server.ts';

const PASSWORD = 'a long enough test password';
const EDITOR = { email: 'london.lead@example.nhs.uk', organisation: 'Y56', role: 'editor' };
const EXERCISE = 'Delegation 2023';
const FACTORS = ['patient-numbers', 'provision', 'financial-risk', 'service-specification', 'strategy'];
const CRITERIA = [
  'patient-clinical-benefit',
  'co-dependent-services',
  'financial-risk-volatility',
  'number-of-providers',
  'future-technologies',
  'provider-landscape',
  'commissioning-infrastructure',
];

let dir: string;
let ws: Workspace;
let page: Page;
let server: E2eServer | undefined;
/** The biggest-spending tiered service, set by the tiering test. */
let tieredService = '';

async function checkPage(name: string): Promise<void> {
  expect(await seriousAccessibilityProblems(page), `axe on ${name}`).toEqual([]);
  const { mobileOverflow } = await screenshotBothWidths(page, name);
  expect(mobileOverflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
}

/** North and South score alike except every fourth service, where South scores 5 throughout; every fifth
 * service does not meet a suitability criterion and every seventh is only partly ready. */
function assessmentFile(assessor: 'North' | 'South', services: string[]): string {
  const rows = services.flatMap((code, i) => [
    ...FACTORS.map((f) => [code, f, assessor === 'South' && i % 4 === 0 ? '5' : String(1 + (i % 3)), '']),
    ...CRITERIA.map((c) => {
      let answer = 'meets';
      if (i % 5 === 0 && c === 'co-dependent-services') answer = 'does-not-meet';
      if (i % 7 === 0 && c === 'commissioning-infrastructure') answer = 'partly';
      return [code, c, answer, 'Regional review'];
    }),
  ]);
  const file = join(dir, `${assessor}.csv`);
  writeFileSync(file, ['service_code,item,answer,evidence', ...rows.map((r) => r.join(','))].join('\n'));
  return file;
}

const api = async <T>(path: string): Promise<T> => (await (await page.request.get(path)).json()) as T;

beforeAll(async () => {
  server = await startE2eServer('delegation', async (ws) => {
    await addUser(ws, { ...EDITOR, password: PASSWORD });
  });
  ({ dir, ws, page } = server);
  await signIn(page, EDITOR.email, PASSWORD);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('delegation', () => {
  it('a new workspace shows the data’s suggested scores and how to add assessments', async () => {
    await page.getByRole('link', { name: 'Delegation' }).click();
    await settled(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Segmentation matrix');
    await expect(page.getByText('No assessments yet').count()).resolves.toBe(1);
    const matrix = page.getByRole('table', { name: /Factor scores per service/ });
    await expect(matrix.locator('tbody tr').count()).resolves.toBeGreaterThan(50);
    await expect(matrix.getByText(/^Data: [1-5]$/).count()).resolves.toBeGreaterThan(0);
    await checkPage('delegation-new-workspace');
  });

  it('starts an exercise, runs it from the board, and states the outcome figures the API gives', async () => {
    await page.getByLabel(/Exercise name/).fill(EXERCISE);
    await page.getByRole('button', { name: 'Start exercise' }).click();
    await page.waitForURL(/exercise=Delegation/);
    const services = (
      await ws.all<{ code: string }>('SELECT service_code AS code FROM service WHERE is_current ORDER BY 1')
    ).map((s) => s.code);
    const by = { actor: EDITOR.email, organisation: EDITOR.organisation };
    await importAssessment(ws, { file: assessmentFile('North', services), exercise: EXERCISE, assessor: 'North', by });
    await importAssessment(ws, { file: assessmentFile('South', services), exercise: EXERCISE, assessor: 'South', by });

    await page.getByRole('link', { name: 'Delegation outcomes' }).click();
    await settled(page);
    await page.getByRole('button', { name: 'Run the exercise now' }).click();
    await page.getByTestId('outcome-statement').waitFor({ state: 'visible', timeout: 120_000 });
    const board = await api<{
      result: { summary: { services: number; byOutcome: { group: string; services: number; spendShare: number }[] } };
    }>(`/api/delegation/outcomes?exercise=${encodeURIComponent(EXERCISE)}`);
    const ready = board.result.summary.byOutcome.find((g) => g.group === 'suitable-and-ready')!;
    expect(ready.services).toBeGreaterThan(0);
    const statement = await page.getByTestId('outcome-statement').textContent();
    expect(statement).toContain(`Of ${board.result.summary.services} services`);
    expect(statement).toContain(
      `${ready.services} suitable and ready (${(ready.spendShare * 100).toFixed(1)}% of spend)`,
    );
    await expect(page.getByRole('heading', { name: 'Needs information' }).count()).resolves.toBe(1);

    const href = (await page
      .getByRole('link', { name: /Export to Excel/ })
      .first()
      .getAttribute('href'))!;
    expect(href).toContain('/api/delegation/outcomes');
    const download = await page.request.get(href);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download.body()) as unknown as ArrayBuffer);
    const byOutcome = book.getWorksheet('By outcome')!;
    const rows = byOutcome.getSheetValues().slice(2) as unknown[][];
    expect(rows.find((r) => r[1] === 'suitable-and-ready')?.[2]).toBe(ready.services);
    await checkPage('delegation-outcomes');
  });

  it('shows the matrix with both assessors side by side and their disagreements', async () => {
    await page.getByRole('link', { name: 'Segmentation matrix' }).click();
    await settled(page);
    await expect(page.getByText(/2 assessors in Delegation 2023: North, South/).count()).resolves.toBe(1);
    await expect(page.getByText('Levels differ').count()).resolves.toBeGreaterThan(0);
    await expect(
      page
        .getByRole('table', { name: /Agreement per factor/ })
        .locator('tbody tr')
        .count(),
    ).resolves.toBe(5);
    await checkPage('delegation-matrix');
  });

  it('shows a tiered service’s volatility chart and evidence per footprint', async () => {
    const board = await api<{
      result: { rows: { service: string; name: string; tier: string | null; spend: number }[] };
    }>(`/api/delegation/outcomes?exercise=${encodeURIComponent(EXERCISE)}`);
    const tiered = board.result.rows.filter((r) => r.tier !== null).sort((a, b) => b.spend - a.spend)[0]!;
    tieredService = tiered.service;
    await page.goto(
      `/delegation/services/${encodeURIComponent(tiered.service)}?exercise=${encodeURIComponent(EXERCISE)}`,
    );
    await settled(page);
    await expect(page.locator('h1').textContent()).resolves.toBe(tiered.name);
    const tiering = await api<{ minimumViablePopulation: { simulated: number }; footprints: unknown[] }>(
      `/api/delegation/services/${encodeURIComponent(tiered.service)}?exercise=${encodeURIComponent(EXERCISE)}`,
    );
    const shown = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(
      tiering.minimumViablePopulation.simulated,
    );
    await expect(page.getByTestId('minimum-viable-population').textContent()).resolves.toBe(shown);
    await expect(page.getByRole('img', { name: /miss probability falls/ }).count()).resolves.toBe(1);
    await expect(
      page
        .getByRole('table', { name: /Evidence per footprint/ })
        .locator('tbody tr')
        .count(),
    ).resolves.toBe(tiering.footprints.length);
    await checkPage('delegation-tiering');
  });

  it('shows the commissioning models timeline and lets the region set London’s model', async () => {
    await page.goto('/delegation/models');
    await settled(page);
    await page.locator('#choose-service').selectOption(tieredService);
    await settled(page);
    // Every region has a proposal for every year of the horizon, from the delegation status.
    const table = page.getByRole('table', { name: /Commissioning model per footprint and financial year/ });
    await expect(table.locator('tbody tr').count()).resolves.toBe(7);
    await expect(table.locator('tbody td').count()).resolves.toBe(7 * 6);
    await page.locator('#model-footprint').selectOption('London');
    await page.locator('#model-financialYear').selectOption({ index: 1 });
    await page.locator('#model-model').selectOption('delegated');
    await page.getByRole('button', { name: 'Save model' }).click();
    await page.getByText(/^Saved: Delegated for London/).waitFor({ state: 'visible' });
    await settled(page);
    await expect(page.getByText(`Agreed: Delegated (by ${EDITOR.email})`).count()).resolves.toBeGreaterThan(0);
    await checkPage('delegation-models');
  });
});
