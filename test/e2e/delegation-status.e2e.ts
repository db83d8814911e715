// Delegation status in a real browser: the services list for a London ICB and for a North West ICB in
// 2024/25 shows a different arrangement for the same delegated service, and the service page gives the
// London ICB's three years with their sources. Axe runs on each page; screenshots at 1280 and 375 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCurrentServices } from '../../src/data/queries/services-catalogue.ts';
import { addUser } from '../../src/data/users/user-store.ts';
import { screenshotBothWidths, seriousAccessibilityProblems, settled } from './support/browser.ts';
import { type E2eServer, signIn, startE2eServer } from './support/server.ts';

const PASSWORD = 'a long enough test password';
const VIEWER = { email: 'swl.viewer@example.nhs.uk', organisation: 'QWE', role: 'viewer' };

let server: E2eServer | undefined;
let page: Page;
let delegated: { serviceCode: string; name: string };
const icbs: Record<string, string> = {};

async function checkPage(name: string): Promise<void> {
  expect(await seriousAccessibilityProblems(page), `axe on ${name}`).toEqual([]);
  const { mobileOverflow } = await screenshotBothWidths(page, name);
  expect(mobileOverflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
}

beforeAll(async () => {
  server = await startE2eServer('delegation-status', async (ws) => {
    await addUser(ws, { ...VIEWER, password: PASSWORD });
    delegated = (await listCurrentServices(ws)).find((s) => s.delegated2023 === true)!;
    for (const region of ['North West', 'London']) {
      icbs[region] = (await ws.one<{ code: string }>(
        `SELECT i.icb_code AS code FROM icb i JOIN region r USING (vintage, region_code)
          WHERE i.vintage = '2026' AND r.name = $1 ORDER BY i.icb_code LIMIT 1`,
        [region],
      ))!.code;
    }
  });
  page = server.page;
  await signIn(page, VIEWER.email, PASSWORD);
});

afterAll(async () => {
  await server?.close();
});

describe('delegation status pages', () => {
  it('the services list shows the chosen ICB’s arrangement for the year', async () => {
    const cell = async (icb: string) => {
      await page.goto(`/services?icb=${icb}&year=2024/25`);
      await settled(page);
      return page.getByRole('row').filter({ hasText: delegated.name }).first().innerText();
    };
    expect(await cell(icbs.London!)).toMatch(/Joint committee\s+London specialised services joint committee/);
    await checkPage('services-delegation-london');
    expect(await cell(icbs['North West']!)).toMatch(/\bDelegated\b/);
    await expect(page.getByTestId('delegation-summary').innerText()).resolves.toMatch(/delegated/);
  });

  it('the service page gives the ICB’s three years', async () => {
    await page.goto(`/services/${encodeURIComponent(delegated.serviceCode)}?icb=${icbs.London}`);
    await settled(page);
    const timeline = await page.getByTestId('delegation-timeline').innerText();
    expect(timeline).toMatch(/2024\/25\s+Joint committee/);
    expect(timeline).toMatch(/2025\/26 onwards\s+Delegated/);
    await checkPage('service-delegation-london');
  });

  it('the ICB page counts its services per arrangement and links to the list for that ICB', async () => {
    await page.goto(`/icb/${icbs.London}?year=2024/25`);
    await settled(page);
    const table = page.getByRole('table', { name: /by commissioning arrangement/ });
    // London in 2024/25: the 59 named in the catalogue were still under its joint committee, none delegated.
    await expect(table.innerText()).resolves.toMatch(/Joint committee\s+[1-9]\d*\s+£/);
    await expect(table.innerText()).resolves.toMatch(/Delegated\s+0\s+£0/);
    await page.getByRole('link', { name: /Every service and its arrangement/ }).waitFor({ state: 'visible' });
    await checkPage('icb-delegation-london');
  });
});
