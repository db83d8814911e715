// The risk register in a real browser: an ICB editor adds a risk (a bad link is named in the error summary
// first), reviews it down and closes it, and reads its history; the ICB page shows the ICB's open risks; a
// person of another ICB is told whose risks they are; and the payment and CQUIN page prices a blended line.
// axe runs and desktop and mobile screenshots are saved.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addContract } from '../../src/data/assurance/contracts.ts';
import { setContractPayment } from '../../src/data/payment/contract-payments.ts';
import { findOrganisation } from '../../src/data/users/organisations.ts';
import { addUser } from '../../src/data/users/user-store.ts';
import { screenshotBothWidths, seriousAccessibilityProblems, settled } from './support/browser.ts';
import { type ConsoleWatch, NO_PROBLEMS, pageProblems, watchConsole } from './support/page-checks.ts';
import { type E2eServer, signIn, startE2eServer } from './support/server.ts';

const PASSWORD = 'a long enough test password';
const EDITOR = { email: 'swl.editor@example.nhs.uk', organisation: 'QWE', role: 'editor' } as const;
const OTHER = { email: 'sel.viewer@example.nhs.uk', organisation: 'QKK', role: 'viewer' } as const;
const TITLE = 'Paediatric surgery rota may not be sustained';

let page: Page;
let console: ConsoleWatch;
let server: E2eServer | undefined;
let provider: { code: string; name: string };

async function check(name: string): Promise<void> {
  await settled(page);
  expect(await seriousAccessibilityProblems(page), `axe on ${name}`).toEqual([]);
  const { mobileOverflow } = await screenshotBothWidths(page, name);
  expect(mobileOverflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
}

beforeAll(async () => {
  server = await startE2eServer('risks', async (ws) => {
    for (const user of [EDITOR, OTHER]) await addUser(ws, { ...user, password: PASSWORD });
    provider = (await ws.one<{ code: string; name: string }>(
      "SELECT provider_code AS code, name FROM provider WHERE host_icb = 'QWE' ORDER BY provider_code LIMIT 1",
    ))!;
    const flow = (await ws.one<{ provider: string; service: string; year: string }>(
      `SELECT provider_code AS provider, service_code AS service, max(financial_year) AS year FROM flow
       WHERE vintage = '2026' GROUP BY ALL ORDER BY sum(activity) DESC, provider, service LIMIT 1`,
    ))!;
    const user = {
      email: EDITOR.email,
      role: EDITOR.role,
      organisation: (await findOrganisation(ws, 'QWE'))!,
      mustChangePassword: false,
    };
    const contract = await addContract(ws, user, {
      providerCode: flow.provider,
      financialYear: flow.year,
      type: 'single-provider',
      partners: [],
      leadCommissioner: 'QWE',
      commissioners: [],
      systemName: null,
      services: [{ serviceCode: flow.service, value: '2000000.00' }],
      activityPlan: [{ serviceCode: flow.service, pod: 'APC_EL', activity: 100 }],
      qualitySchedule: [],
    });
    await setContractPayment(ws, user, contract.id, {
      lines: [{ serviceCode: flow.service, mechanism: 'blended', fixedShare: 0.7 }],
      cquin: [{ scheme: 'Shared decision making', value: 40000, achievement: 0.5 }],
    });
  });
  ({ page } = server);
  console = watchConsole(page);
  await signIn(page, EDITOR.email, PASSWORD);
  // The sign-in page asks for a session before there is one (401): expected, not a page problem.
  console.take();
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('risk register', () => {
  it('an editor adds a risk, is told which link is wrong, then reviews and closes it', async () => {
    await page.getByRole('link', { name: 'Risks', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Risk register' }).waitFor();
    await page.getByText('No risks are recorded.').waitFor();
    await page.getByLabel('What could happen').fill(TITLE);
    await page.getByLabel('Category', { exact: true }).selectOption('provider-stability');
    await page.getByLabel('Owner (the person accountable)').fill('Director of specialised commissioning');
    await page.getByLabel('Likelihood (1–5)').selectOption('4');
    await page.getByLabel('Impact (1–5)').selectOption('4');
    await page.getByLabel('Mitigation', { exact: true }).fill('Network support from the tertiary centre');
    await page.getByLabel('Likelihood after (1–5)').selectOption('2');
    await page.getByLabel('Impact after (1–5)').selectOption('4');
    await page.getByRole('button', { name: 'Add a link' }).click();
    await page.getByLabel('Link 1: kind').selectOption('provider');
    await page.getByLabel('Link 1: code or name').fill('NOT-A-PROVIDER');
    await page.getByLabel('Next review').fill('2030-01-31');
    await page.getByRole('button', { name: 'Add the risk' }).click();
    const summary = page.locator('#risk-error-summary');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain('NOT-A-PROVIDER is not a provider');
    await expect(summary.getByRole('link').getAttribute('href')).resolves.toBe('#risk-links-0-code');

    await page.getByLabel('Link 1: code or name').fill(provider.code);
    await page.getByRole('button', { name: 'Add the risk' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const facts = page.getByTestId('risk-facts');
    await expect(facts.textContent()).resolves.toContain(`Provider: ${provider.name}`);
    await expect(facts.textContent()).resolves.toContain('4 × 4 = 16');
    await expect(page.getByText('16 extreme').count()).resolves.toBe(1);
    await expect(page.getByText('8 high').count()).resolves.toBe(1);
    await check('risk');

    await page.getByLabel('Likelihood after (1–5)').selectOption('1');
    await page.getByLabel('Status', { exact: true }).selectOption('closed');
    await page.getByRole('button', { name: 'Save the review' }).click();
    await page.getByText('4 moderate').waitFor();
    const history = page.getByRole('table', { name: /Every change to this risk/ });
    await expect(history.getByRole('row').count()).resolves.toBe(3);
    await expect(history.getByRole('row').nth(1).textContent()).resolves.toContain('Changed');
  });

  it('the register lists it under closed risks, and the ICB page shows the ICB’s open ones', async () => {
    await page.goto('/risks?status=all');
    await page.getByRole('link', { name: TITLE }).waitFor();
    await check('risk-register');
    await page.goto('/icb/QWE');
    await page.getByRole('heading', { level: 2, name: 'Risks' }).waitFor();
    await page
      .getByRole('table', { name: /Open risks held by/ })
      .or(page.getByText('No risks are recorded.'))
      .first()
      .waitFor();
    // The only risk is closed, so the ICB page has none open.
    await expect(page.getByText('No risks are recorded.').count()).resolves.toBe(1);
  });

  it('the payment and CQUIN page totals value by mechanism and prices the blended line', async () => {
    await page.goto('/assurance/payments');
    await page.getByRole('heading', { level: 1, name: 'Payment mechanisms and CQUIN' }).waitFor();
    await settled(page);
    await expect(page.getByTestId('payment-totals').textContent()).resolves.toContain('Blended£2,000,000 (1 line)');
    await expect(page.getByText('£40,000 in schemes; £20,000 earned; £0 not yet assessed.').count()).resolves.toBe(1);
    await check('payments');
  });

  it('an editor sets a line to alliance risk share in the form; problems are listed and linked first', async () => {
    await page.goto('/assurance/payments');
    await page.getByRole('heading', { level: 2, name: 'Set a contract’s payment' }).waitFor();
    await settled(page);
    const line = page.getByTestId('payment-line-0');
    await expect(line.getByLabel('Mechanism').inputValue()).resolves.toBe('blended');
    await expect(line.getByLabel('Fixed part (% of value)').inputValue()).resolves.toBe('70');
    await line.getByLabel('Mechanism').selectOption('alliance');
    await line.getByLabel('Provider’s share of the variance (%)').fill('150');
    await page.getByRole('button', { name: 'Save the payment' }).click();
    const summary = page.locator('#payment-error-summary');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain('as a percentage from 0 to 100');
    await summary.getByRole('link').first().click();
    await expect(page.evaluate('document.activeElement.id')).resolves.toBe('payment-lines-0-providerShare');

    // A refusal by the API is linked to the field it names: two CQUIN schemes of one name.
    await line.getByLabel('Provider’s share of the variance (%)').fill('40');
    await page.getByRole('button', { name: 'Add another CQUIN scheme' }).click();
    await page.getByLabel('CQUIN 2: scheme').fill('Shared decision making');
    await page.getByLabel('CQUIN 2: value (£)').fill('1000');
    await page.getByRole('button', { name: 'Save the payment' }).click();
    await summary.getByText('Two CQUIN schemes are called Shared decision making').waitFor();
    await expect(summary.getByRole('link').getAttribute('href')).resolves.toBe('#payment-cquin-1-scheme');
    await page.getByRole('button', { name: 'Remove CQUIN 2' }).click();

    await page.getByRole('button', { name: 'Save the payment' }).click();
    await page
      .getByRole('status')
      .getByText(/Saved the payment of/)
      .waitFor();
    await expect(page.getByTestId('payment-totals').textContent()).resolves.toContain(
      'Alliance risk share£2,000,000 (1 line)',
    );
    const row = page.getByRole('table', { name: 'Contract lines and their income' }).getByRole('row').nth(1);
    await expect(row.textContent()).resolves.toContain('Alliance risk share');
    await expect(page.getByTestId('payment-plan').textContent()).resolves.toContain('Baseline: current planning round');
    // The refusals above (this test's and the risk form's) were the API's 400s, as meant.
    expect(console.take().every((e) => e.includes('status of 400'))).toBe(true);
    expect(await pageProblems(page, console), 'page checks on the payments page with its form').toEqual(NO_PROBLEMS);
    await page.locator('#payment-form-heading').scrollIntoViewIfNeeded();
    await check('payment-form');
  });

  it('a person of another ICB is told whose risks they are', async () => {
    await page
      .getByRole('button', { name: 'Sign out' })
      .or(page.getByRole('link', { name: 'Sign out' }))
      .first()
      .click();
    await signIn(page, OTHER.email, PASSWORD);
    await page.goto('/icb/QWE');
    await page.getByText(/risks of .* are shown to the ICB, its region and national/).waitFor();
    await page.goto('/risks');
    await page.getByText('No risks are recorded.').waitFor();
  });
});
