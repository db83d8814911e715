// Prints the board pack's HTML to PDF with headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core, flags as DESIGN.md sets out), so the PDF is the same page the web app shows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { fail } from '../../core/errors.ts';

export const CHROMIUM = process.env.FOOTPRINT_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function renderBoardPackPdf(html: string, chromiumPath = CHROMIUM): Promise<Buffer> {
  const profile = mkdtempSync(join(tmpdir(), 'footprint-pack-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: FLAGS,
      offline: true,
      javaScriptEnabled: false,
    });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          '<div style="font-size:8px;width:100%;text-align:center;color:#4c6272">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
        margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
      });
    } finally {
      await context.close();
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'FootprintError') throw error;
    fail('FP_PACK_RENDER_FAILED', 'Chromium could not print the board pack.', {
      where: { file: chromiumPath },
      received: error instanceof Error ? error.message.split('\n')[0] : String(error),
      hint: 'Install Debian’s chromium package, or set FOOTPRINT_CHROMIUM to a Chromium executable.',
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
