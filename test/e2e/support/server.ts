// One server per browser-test file: a real workspace (reference data + 20,000 generated rows), whatever
// the file sets up in it, the app listening on a free loopback port, and Chromium pointed at it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { initWorkspace } from '../../../src/data/init-workspace.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type Browser, launchBrowser } from './browser.ts';

export interface E2eServer {
  dir: string;
  ws: Workspace;
  app: FastifyInstance;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function startE2eServer(name: string, setUp: (ws: Workspace) => Promise<void>): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), `footprint-e2e-${name}-`));
  const ws = await initWorkspace({ dir, activityRows: 20_000 });
  await setUp(ws);
  const app = await buildApp({ workspace: ws });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the server did not report a port');
  const browser = await launchBrowser(`http://127.0.0.1:${address.port}`);
  const page = await browser.context.newPage();
  return {
    dir,
    ws,
    app,
    browser,
    page,
    async close() {
      await browser.close();
      await app.close();
      ws.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the sign-in page and waits to leave it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
