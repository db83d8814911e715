// Assurance in a real browser: a London region reviewer starts a KLOE review round, the South West London
// ICB editor responds to a question with evidence, and the region reviewer moderates it with a reason.
// The review page shows the moderated rating; the audit trail holds each change with before and after;
// An ICB editor adds contracts through the register's form (a viewer sees no form): a value that is not
// money is refused with an NHS.UK error summary naming the box, and a second contract for the same service
// is flagged as fragmentation. Axe runs on each page and desktop and mobile screenshots are saved for a
// person to look at.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/data/audit/record-audit.ts';
import { addUser } from '../../src/data/users/user-store.ts';
import type { Workspace } from '../../src/data/workspace.ts';
import { screenshotBothWidths, seriousAccessibilityProblems, settled } from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/server.ts';

const PASSWORD = 'a long enough test password';
const ICB_EDITOR = { email: 'swl.editor@example.nhs.uk', organisation: 'QWE', role: 'editor' };
const REGION_REVIEWER = { email: 'london.reviewer@example.nhs.uk', organisation: 'Y56', role: 'editor' };
const ICB_VIEWER = { email: 'swl.viewer@example.nhs.uk', organisation: 'QWE', role: 'viewer' };

let ws: Workspace;
let page: Page;
let server: E2eServer | undefined;
let reviewPath: string;

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

async function checkPage(name: string): Promise<void> {
  expect(await seriousAccessibilityProblems(page), `axe on ${name}`).toEqual([]);
  const { mobileOverflow } = await screenshotBothWidths(page, name);
  expect(mobileOverflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
}

beforeAll(async () => {
  server = await startE2eServer('assurance', async (ws) => {
    await addUser(ws, { ...ICB_EDITOR, password: PASSWORD });
    await addUser(ws, { ...REGION_REVIEWER, password: PASSWORD });
    await addUser(ws, { ...ICB_VIEWER, password: PASSWORD });
  });
  ({ ws, page } = server);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('assurance', () => {
  it('the region reviewer starts a review round over London’s ICBs', async () => {
    await signIn(REGION_REVIEWER);
    await page.getByRole('link', { name: 'Assurance', exact: true }).click();
    await settled(page);
    await page.getByLabel('Round name').fill('STP plans 2017/18');
    await page.getByRole('button', { name: 'Start round' }).click();
    await page.waitForURL(/\/assurance\/rounds\/round-/);
    await settled(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('STP plans 2017/18');
    const swl = page.getByRole('link', { name: 'NHS South West London Integrated Care Board' });
    reviewPath = (await swl.getAttribute('href'))!;
    expect(reviewPath).toMatch(/\/assurance\/reviews\/round-[0-9a-f]+-QWE$/);
    await checkPage('assurance-round');
    await signOut();
  });

  it('the ICB editor responds to the pooled-budgets question with evidence', async () => {
    await signIn(ICB_EDITOR);
    await page.goto('/assurance');
    await settled(page);
    await checkPage('assurance-rounds');
    await page.goto(reviewPath);
    await settled(page);
    const question = page.getByTestId('question-pooled-budgets');
    // What the workspace knows is shown beside the question: South London pools QKK and QWE.
    await expect(question.textContent()).resolves.toContain('South London');
    await question.getByText('Respond to this question').click();
    await question.getByLabel('Amber/green').check();
    await question.getByLabel('Evidence', { exact: true }).fill('Pooled budget agreed in principle with SEL.');
    await question.getByLabel('Links to evidence (one a line)').fill('https://example.nhs.uk/swl/board-paper.pdf');
    await question.getByRole('button', { name: 'Save response' }).click();
    await expect.poll(() => question.getByTestId('rating').textContent(), { timeout: 10_000 }).toContain('Amber/green');
    await checkPage('assurance-review-icb');
    await signOut();
  });

  it('the region reviewer moderates it, changing the rating with a reason', async () => {
    await signIn(REGION_REVIEWER);
    await page.goto(reviewPath);
    await settled(page);
    const question = page.getByTestId('question-pooled-budgets');
    await question.getByText('Moderate this rating').click();
    await question.getByLabel('Amber/red').last().check();
    await question.getByLabel('Reason').fill('No risk/gain share terms yet.');
    await question.getByRole('button', { name: 'Save moderation' }).click();
    await expect
      .poll(() => question.getByTestId('moderation').textContent(), { timeout: 10_000 })
      .toContain('No risk/gain share terms yet.');
    await expect(question.getByTestId('rating').textContent()).resolves.toContain('Amber/red');
    await checkPage('assurance-review-moderated');
    await page.goto('/assurance/heatmap');
    await settled(page);
    await expect(page.locator('table').first().textContent()).resolves.toContain('Amber/red');
    await checkPage('assurance-heatmap');
  });

  it('the audit trail holds the response and the moderation with before and after, shown on the history page', async () => {
    const reviewId = reviewPath.split('/').pop()!;
    const events = await listAudit(ws, { objectType: 'review', objectId: reviewId });
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ['moderate', REGION_REVIEWER.email],
      ['rate', ICB_EDITOR.email],
    ]);
    expect(events[1]!.before).toBeNull();
    expect(events[1]!.after).toMatchObject({
      rating: 'amber-green',
      evidenceText: 'Pooled budget agreed in principle with SEL.',
    });
    expect(events[0]!.before).toMatchObject({ rating: 'amber-green', moderatedRating: null });
    expect(events[0]!.after).toMatchObject({
      moderatedRating: 'amber-red',
      moderationReason: 'No risk/gain share terms yet.',
    });
    await page.goto(reviewPath);
    await settled(page);
    await page.getByRole('link', { name: 'History of this review' }).click();
    await settled(page);
    await expect(page.locator('table').textContent()).resolves.toContain('moderate');
    await checkPage('assurance-audit');
  });

  it('the board pack button gives a PDF', async () => {
    await page.goto(reviewPath);
    await settled(page);
    const href = await page.getByRole('link', { name: 'Download the board pack (PDF)' }).getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('an ICB editor adds contracts with the form; bad money is named in the error summary; a duplicate is flagged', async () => {
    const provider = await ws.one<{ code: string; name: string }>(
      "SELECT provider_code AS code, name FROM provider WHERE host_icb = 'QWE' AND kind = 'nhs-trust' ORDER BY provider_code LIMIT 1",
    );
    const service = await ws.one<{ code: string }>(
      'SELECT service_code AS code FROM service WHERE is_current ORDER BY service_code LIMIT 1',
    );
    await signOut();
    await signIn(ICB_VIEWER);
    await page.goto('/assurance/contracts');
    await settled(page);
    await expect(page.getByRole('heading', { name: 'Add a contract' }).count()).resolves.toBe(0);
    await signOut();

    await signIn(ICB_EDITOR);
    await page.goto('/assurance/contracts');
    await settled(page);
    const form = page.getByRole('form', { name: 'Add a contract' });
    await form.getByLabel('Lead provider').check();
    await form.getByLabel('Provider (ODS code)').fill(provider!.code);
    await form.getByLabel('Service 1 code').fill(service!.code);
    await form.getByLabel('Service 1 value (£)').fill('12.345');
    await form.getByRole('button', { name: 'Add a plan line' }).click();
    await form.getByLabel('Line 1 service').fill(service!.code);
    await form.getByLabel('Point of delivery').fill('APC_EL');
    await form.getByLabel('Planned activity').fill('420');
    await form.getByRole('button', { name: 'Add a KPI' }).click();
    await form.getByLabel('KPI 1').fill('18-week RTT');
    await form.getByLabel('Target').fill('92%');
    await form.getByLabel('Escalation').fill('Escalate to CQRM when below target two months');
    await form.getByLabel('Latest position').selectOption('not-met');
    await form.getByRole('button', { name: 'Add contract' }).click();

    // Refused by the API (FP_CONTRACT_BAD_MONEY at body.services.0.value): the summary links to the box.
    const summary = page.locator('.nhsuk-error-summary');
    await expect(summary.textContent()).resolves.toContain('"12.345" is not an amount of money.');
    await expect(summary.getByRole('link').getAttribute('href')).resolves.toBe('#contract-services-0-value');
    await expect(page.locator('#contract-services-0-value-error').textContent()).resolves.toContain('not an amount');
    await expect(ws.all('SELECT id FROM contract')).resolves.toEqual([]);
    await checkPage('assurance-contract-error');

    await form.getByLabel('Service 1 value (£)').fill('£1,250,000.50');
    await form.getByRole('button', { name: 'Add contract' }).click();
    await expect.poll(() => page.locator('table').first().textContent(), { timeout: 10_000 }).toContain(provider!.name);
    const first = page.locator('table').first().locator('tr', { hasText: provider!.name });
    // An ICB editor commissions for its own ICB only; a contract with partners is the region's to record.
    await expect(first.textContent()).resolves.toContain('QWE');
    await expect(first.textContent()).resolves.toContain('£1,250,001');
    await expect(first.textContent()).resolves.toContain('None');

    // The same provider, service and year again: both contracts now show the service as fragmented.
    await form.getByLabel('Provider (ODS code)').fill(provider!.code);
    await form.getByLabel('Service 1 code').fill(service!.code);
    await form.getByLabel('Service 1 value (£)').fill('50000');
    await form.getByRole('button', { name: 'Add contract' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`already holds another contract this year for .+ \\(${service!.code}\\)`));
    const rows = page.locator('table').first().locator('tbody tr', { hasText: provider!.name });
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    for (const row of await rows.all()) {
      await expect(row.locator('.nhsuk-tag').textContent()).resolves.toBe(service!.code);
    }
    const stored = await ws.all<{ value: number }>(
      'SELECT CAST(value AS DOUBLE) AS value FROM contract_service ORDER BY value',
    );
    expect(stored.map((r) => r.value)).toEqual([50_000, 1_250_000.5]);
    await checkPage('assurance-contracts');
  }, 60_000);
});
