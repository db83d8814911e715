// Places and networks in a real browser: a South West London editor opens the ICB's places and
// neighbourhoods (size flags), a network's footprint map and member flows, the triangulation page for South
// London with its Excel export, and the wiring diagram. axe runs on each page and desktop and mobile
// screenshots are saved for a person to look at.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNetwork } from '../../src/data/networks/networks.ts';
import { addUser } from '../../src/data/users/user-store.ts';
import { screenshotBothWidths, seriousAccessibilityProblems, settled } from './support/browser.ts';
import { type E2eServer, signIn, startE2eServer } from './support/server.ts';

const PASSWORD = 'a long enough test password';
const ICB_EDITOR = { email: 'swl.editor@example.nhs.uk', organisation: 'QWE', role: 'editor' };
const NETWORK = 'South London Cardiac ODN';

let page: Page;
let server: E2eServer | undefined;

async function checkPage(name: string): Promise<void> {
  expect(await seriousAccessibilityProblems(page), `axe on ${name}`).toEqual([]);
  const { mobileOverflow } = await screenshotBothWidths(page, name);
  expect(mobileOverflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
}

beforeAll(async () => {
  server = await startE2eServer('places', async (ws) => {
    await addUser(ws, { ...ICB_EDITOR, password: PASSWORD });
    const cardiac = await ws.all<{ code: string }>(
      "SELECT service_code AS code FROM service WHERE is_current AND lower(name) LIKE '%cardi%' ORDER BY code",
    );
    await addNetwork(
      ws,
      {
        name: NETWORK,
        type: 'cardiac',
        host: "Guy's and St Thomas' NHS Foundation Trust",
        description: null,
        icbs: ['QKK', 'QWE'],
        services: cardiac.map((c) => c.code),
        providers: ['RJ1', 'RJ7', 'RJZ'],
      },
      { owner: 'Y56' },
    );
  });
  ({ page } = server);
  await signIn(page, ICB_EDITOR.email, PASSWORD);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('places and networks', () => {
  it("shows the editor's ICB's places and neighbourhoods with size flags", async () => {
    await page.getByRole('link', { name: 'Places & networks' }).click();
    await settled(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Places and neighbourhoods');
    const places = page.getByRole('table', { name: /Places of NHS South West London/ });
    await expect(places.getByRole('rowheader', { name: 'Croydon' }).count()).resolves.toBe(1);
    await expect(places.getByText('Below usual size').count()).resolves.toBeGreaterThan(0);
    await expect(
      page
        .getByRole('table', { name: /Neighbourhoods/ })
        .locator('tbody tr')
        .count(),
    ).resolves.toBe(39);
    await checkPage('places');
  });

  it("shows a network's footprint on the map and its member providers' flows", async () => {
    await page.getByRole('link', { name: 'Clinical networks' }).click();
    await settled(page);
    await page.getByRole('link', { name: NETWORK }).click();
    await settled(page);
    await expect(page.getByRole('heading', { name: NETWORK }).count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: /footprint of South London Cardiac ODN/ }).count()).resolves.toBe(1);
    const flows = page.getByRole('table', { name: /member providers/ });
    await expect(flows.locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    // Members and ICBs by name, not code.
    await expect(
      page.getByText("Guy's and St Thomas' NHS Foundation Trust (RJ1)", { exact: false }).count(),
    ).resolves.toBeGreaterThan(0);
    await expect(page.getByText('LOCAL-PAEDIATRIC-CARDIAC').count()).resolves.toBe(0);
    // No cell of the flows holds a bare ICB code such as QWE.
    const cells = await flows.locator('tbody td').allTextContents();
    expect(cells.filter((text) => /^Q[A-Z0-9]{2}$/.test(text.trim()))).toEqual([]);
    await expect(flows.getByRole('cell', { name: 'South West London', exact: true }).count()).resolves.toBeGreaterThan(
      0,
    );
    await checkPage('networks');
  });

  it('gives a planning meeting the triangulation for South London, with an Excel export', async () => {
    await page.getByRole('link', { name: 'Triangulation' }).click();
    await settled(page);
    await expect(page.getByTestId('triangulation-summary').locator('li').count()).resolves.toBe(3);
    await expect(page.getByRole('cell', { name: NETWORK }).count()).resolves.toBeGreaterThan(0);
    const excel = page.getByRole('link', { name: /Excel/ }).first();
    const href = (await excel.getAttribute('href'))!;
    expect(href).toContain('/api/triangulation');
    const download = await page.request.get(href);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
    await checkPage('triangulation');
  });

  it('shows who does what at each level', async () => {
    await page.getByRole('link', { name: 'Who does what' }).click();
    await settled(page);
    await expect(page.getByRole('table', { name: /Who leads each service in South London/ }).count()).resolves.toBe(1);
    await expect(page.getByText('The ICBs of South London, jointly').count()).resolves.toBeGreaterThan(0);
    await checkPage('wiring');
  });
});
