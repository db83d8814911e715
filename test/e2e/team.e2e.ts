// A commissioning team in the browser: an admin adds a colleague, who signs in and sets their own password;
// a national editor uploads an extract with bad rows, sees the counts, downloads the rejects, makes the new
// dataset current and runs it, and the overview then shows it. Screenshots of the users and data pages at
// 1280 and 375 px go under test/e2e/screenshots/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/data/users/user-store.ts';
import { screenshotBothWidths, seriousAccessibilityProblems, settled } from './support/browser.ts';
import { type E2eServer, signIn, startE2eServer } from './support/server.ts';

const PASSWORD = 'a long enough test password';
const ADMIN = { email: 'admin@example.nhs.uk', organisation: 'national', role: 'admin' };
const EDITOR = { email: 'data.editor@example.nhs.uk', organisation: 'national', role: 'editor' };

let server: E2eServer | undefined;
let page: Page;
let extract: string;

async function checkPage(name: string): Promise<void> {
  expect(await seriousAccessibilityProblems(page), `axe on ${name}`).toEqual([]);
  const { mobileOverflow } = await screenshotBothWidths(page, name);
  expect(mobileOverflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
}

beforeAll(async () => {
  server = await startE2eServer('team', async (ws) => {
    await addUser(ws, { ...ADMIN, password: PASSWORD });
    await addUser(ws, { ...EDITOR, password: PASSWORD });
    // An extract: 300 rows of the synthetic activity, two of them spoiled (an unknown provider, month 13).
    extract = join(ws.dir, 'monthly-extract.csv');
    await ws.run(
      `COPY (SELECT financial_year, month, provider_code, residence_code, service_code, pod, age_band, sex, activity,
                    cost, patients FROM activity ORDER BY ALL LIMIT 300) TO '${extract}' (HEADER)`,
    );
    const [header, ...rows] = readFileSync(extract, 'utf8').trim().split('\n');
    const columns = header!.split(',');
    const spoil = (row: string, column: string, value: string) => {
      const fields = row.split(',');
      fields[columns.indexOf(column)] = value;
      return fields.join(',');
    };
    rows[4] = spoil(rows[4]!, 'provider_code', 'ZZZ99');
    rows[9] = spoil(rows[9]!, 'month', '13');
    writeFileSync(extract, `${[header, ...rows].join('\n')}\n`);
  });
  page = server.page;
});

afterAll(async () => {
  await server?.close();
});

describe('users page', () => {
  it('an admin adds a colleague, who signs in and must first set a password of their own', async () => {
    await signIn(page, ADMIN.email, PASSWORD);
    await page.goto('/users');
    await settled(page);
    // By id: each user's change form below has fields of the same names.
    await page.locator('#new-email').fill('new.colleague@example.nhs.uk');
    await page.locator('#new-organisation').fill('QWE');
    await page.locator('#new-role').selectOption('editor');
    await page.locator('#new-password').fill('first password given');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect
      .poll(() => page.getByTestId('users-done').textContent())
      .toContain('Added new.colleague@example.nhs.uk');
    const table = await page.getByTestId('users-table').textContent();
    expect(table).toContain('new.colleague@example.nhs.uk');
    expect(table).toContain('Must set a new one');
    await checkPage('users');
    await signOut();

    await signIn(page, 'new.colleague@example.nhs.uk', 'first password given');
    await page.locator('main h1', { hasText: 'Set a new password' }).waitFor();
    await page.getByLabel('The password you signed in with').fill('first password given');
    await page.getByLabel('New password', { exact: true }).fill('my own strong password');
    await page.getByLabel('New password again').fill('my own strong password');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.locator('main h1', { hasText: 'England' }).waitFor();
    await settled(page);
    expect(await page.getByTestId('figures-source').first().textContent()).toContain('synthetic');
    await signOut();
  });
});

describe('data page', () => {
  it('an editor uploads an extract with bad rows, downloads the rejects, makes it current and the overview changes', async () => {
    await signIn(page, EDITOR.email, PASSWORD);
    await page.goto('/');
    await settled(page);
    const before = await page.getByTestId('total-spend').textContent();
    expect(await page.getByTestId('figures-source').first().textContent()).toContain('synthetic');

    await page.goto('/data');
    await settled(page);
    await page.locator('#upload-file').setInputFiles(extract);
    await page.getByLabel('Dataset name').fill('monthly');
    await page.getByLabel('Import the valid rows even when some are rejected').check();
    await page.getByRole('button', { name: 'Upload and import' }).click();
    await page.getByTestId('upload-outcome').waitFor();
    expect(await page.getByTestId('upload-read').textContent()).toBe('300');
    expect(await page.getByTestId('upload-accepted').textContent()).toBe('298');
    expect(await page.getByTestId('upload-rejected').textContent()).toBe('2');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download the rejected rows/ }).click(),
    ]);
    const rejects = readFileSync((await download.path())!, 'utf8');
    expect(rejects).toContain('ZZZ99');
    expect(rejects).toContain('month');

    // Not current until asked.
    await page.getByTestId('dataset-monthly').waitFor();
    expect(await page.getByTestId('dataset-monthly').textContent()).not.toContain('Current');
    await checkPage('data');
    await page.getByRole('button', { name: 'Run monthly' }).click();
    await expect.poll(() => page.getByTestId('data-done').textContent()).toContain('Ran the basis conversion');
    await page.getByRole('button', { name: 'Make monthly current' }).click();
    await expect.poll(() => page.getByTestId('data-done').textContent()).toContain('monthly is now current');

    await page.goto('/');
    await settled(page);
    expect(await page.getByTestId('figures-source').first().textContent()).toContain('monthly');
    expect(await page.getByTestId('total-spend').textContent()).not.toBe(before);
  });
});
