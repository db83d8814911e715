// Occasional practice and the commissioning models in a real browser. A London regional editor reaches the
// occasional practice page from the delegation pages and from a service's tiering page; the page lists, for
// London's residents, the providers under each service's minimum in patients, named, as the API answers. The
// models page shows a delegated service's year-by-year proposal for every region, named (London's joint
// committee, the North West's delegation in 2024/25), and the region agrees a model. Every page passes the
// shared checks (console, table reach, charts) and axe at 1280 and 375 px; screenshots are kept.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OccasionalPracticeAnswer } from '../../src/core/delegation/index.ts';
import { listCurrentServices } from '../../src/data/queries/services-catalogue.ts';
import { addUser } from '../../src/data/users/user-store.ts';
import { screenshotBothWidths, seriousAccessibilityProblems, settled } from './support/browser.ts';
import { type ConsoleWatch, NO_PROBLEMS, pageProblems, watchConsole } from './support/page-checks.ts';
import { type E2eServer, signIn, startE2eServer } from './support/server.ts';

const PASSWORD = 'a long enough test password';
const EDITOR = { email: 'london.lead@example.nhs.uk', organisation: 'Y56', role: 'editor' };

let server: E2eServer | undefined;
let page: Page;
let console: ConsoleWatch;
let delegated: { serviceCode: string; name: string };

async function checkPage(name: string): Promise<void> {
  expect(await pageProblems(page, console), `page checks on ${name}`).toEqual(NO_PROBLEMS);
  expect(await seriousAccessibilityProblems(page), `axe on ${name}`).toEqual([]);
  const { mobileOverflow } = await screenshotBothWidths(page, name);
  expect(mobileOverflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
}

/** What the API answers the signed-in editor. */
async function apiAnswer(query: string): Promise<OccasionalPracticeAnswer> {
  const response = await page.request.get(`/api/delegation/occasional-practice${query}`);
  expect(response.status()).toBe(200);
  return response.json();
}

beforeAll(async () => {
  server = await startE2eServer('occasional-practice', async (ws) => {
    await addUser(ws, { ...EDITOR, password: PASSWORD });
    delegated = (await listCurrentServices(ws)).find((s) => s.delegated2023 === true)!;
  });
  page = server.page;
  console = watchConsole(page);
  await signIn(page, EDITOR.email, PASSWORD);
  // The sign-in page asks for a session before there is one (a 401): not a problem of the pages checked.
  console.take();
});

afterAll(async () => {
  await server?.close();
});

describe('occasional practice', () => {
  it('is reached from the delegation pages and lists London’s providers under the minimum, named', async () => {
    await page.goto('/delegation');
    await settled(page);
    await page
      .getByRole('navigation', { name: 'Delegation pages' })
      .getByRole('link', { name: 'Occasional practice' })
      .click();
    await page.waitForURL((url) => url.pathname === '/delegation/occasional-practice');
    await settled(page);
    const answer = await apiAnswer('');
    expect(answer.scope).toBe('London');
    const listed = answer.rows.flatMap((s) => s.occasional);
    expect(listed.length).toBeGreaterThan(0);
    const under = answer.rows.filter((s) => s.occasional.length > 0).length;
    await expect(page.getByTestId('occasional-summary').innerText()).resolves.toContain(
      `${under} of ${answer.rows.length} services have providers under their minimum`,
    );
    const table = page.getByRole('table', { name: /Providers under the minimum annual volume/ });
    await expect(table.locator('tbody tr').count()).resolves.toBe(listed.length);
    // Fewest patients first: the first row is that provider, by name with its code.
    const fewest = [...listed].sort((a, b) => a.patients - b.patients)[0]!;
    await expect(table.locator('tbody tr').first().innerText()).resolves.toContain(String(fewest.patients));
    expect(fewest.providerName).toMatch(/\([A-Z0-9]{3,5}\)$/);
    await checkPage('occasional-practice');
  });

  it('is reached from a service’s tiering page, for that service', async () => {
    const answer = await apiAnswer('');
    const service = answer.rows.find((s) => s.occasional.length > 0)!;
    await page.goto(`/delegation/services/${encodeURIComponent(service.serviceCode)}`);
    await settled(page);
    await page
      .getByRole('link', { name: `Providers under the minimum annual volume for ${service.serviceName}` })
      .click();
    await page.waitForURL((url) => url.pathname === '/delegation/occasional-practice');
    await settled(page);
    await expect(page.getByTestId('occasional-summary').innerText()).resolves.toContain(
      `${service.serviceName}: ${service.occasional.length} of ${service.providers} providers see fewer than ${service.minimumAnnualVolume} patients a year`,
    );
    for (const p of service.occasional) {
      await expect(page.getByRole('rowheader', { name: p.providerName }).count()).resolves.toBeGreaterThan(0);
    }
    await checkPage('occasional-practice-service');
  });
});

describe('commissioning models', () => {
  it('shows a delegated service’s proposal year by year for every region, named, and the region agrees one', async () => {
    await page.goto(`/delegation/models?service=${encodeURIComponent(delegated.serviceCode)}&kind=region`);
    await settled(page);
    const table = page.getByRole('table', { name: /Commissioning model per footprint and financial year/ });
    await expect(table.locator('thead th').allInnerTexts()).resolves.toEqual([
      'Footprint',
      '2023/24',
      '2024/25',
      '2025/26',
      '2026/27',
      '2027/28',
      '2028/29',
    ]);
    await expect(table.locator('tbody tr').count()).resolves.toBe(7);
    const london = await table
      .getByRole('row')
      .filter({ hasText: /^London/ })
      .locator('td')
      .allInnerTexts();
    expect(london[0]).toMatch(/^Joint committee\s+London specialised services joint committee/);
    expect(london[1]).toMatch(/^Joint committee\s+London specialised services joint committee/);
    // From 2025/26 the 70 are delegated to every ICB: London's ICBs have one lead (named) unless tiered at ICB.
    expect(london[2]).toMatch(/^Lead commissioner\s+Lead: [A-Z][a-z]+.*|^Delegated/);
    const northWest = await table
      .getByRole('row')
      .filter({ hasText: /^North West/ })
      .locator('td')
      .allInnerTexts();
    expect(northWest[0]).toMatch(/^Joint committee\s+North West specialised services joint committee/);
    expect(northWest[1]).toMatch(/^Lead commissioner\s+Lead: [A-Z][a-z]+.*|^Delegated/);
    await page.locator('#model-footprint').selectOption('London');
    await page.locator('#model-financialYear').selectOption('2026/27');
    await page.locator('#model-model').selectOption('delegated');
    await page.getByRole('button', { name: 'Save model' }).click();
    await page.getByText(/^Saved: Delegated for London in 2026\/27/).waitFor({ state: 'visible' });
    await settled(page);
    const saved = await table
      .getByRole('row')
      .filter({ hasText: /^London/ })
      .locator('td')
      .allInnerTexts();
    expect(saved[3]).toContain(`Agreed: Delegated (by ${EDITOR.email})`);
    await checkPage('delegation-models-regions');
  });
});
