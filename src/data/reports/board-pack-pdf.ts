// Prints the board pack's HTML to PDF with headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core, flags as DESIGN.md sets out), so the PDF is the same page the web app shows.
// A server shares one browser among all its requests: each print gets its own fresh context (no cookies,
// no scripts, offline) and page, so nothing of one pack reaches another. At most `concurrency` prints run
// at once and at most `queueLimit` wait; past that, and past a user's per-minute allowance, the request is
// refused with when to try again, so no number of requests can start an unbounded number of browsers.
import { type Browser, chromium } from 'playwright-core';
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

export interface PdfRendererOptions {
  chromiumPath?: string;
  /** Prints at once. Default 2 (a print is mostly one CPU core). */
  concurrency?: number;
  /** Prints waiting for a free renderer; more are refused (FP_PACK_BUSY). Default 8. */
  queueLimit?: number;
  /** Prints a user may ask for in a window; more are refused (FP_PACK_RATE_LIMITED). Default 10 a minute. */
  perUser?: { max: number; windowMs: number };
}

/** A print's usual time, for telling a refused client when to come back. */
const TYPICAL_PRINT_SECONDS = 3;

export class PdfRenderer {
  readonly #chromiumPath: string;
  readonly #concurrency: number;
  readonly #queueLimit: number;
  readonly #perUser: { max: number; windowMs: number };
  #browser: Promise<Browser> | undefined;
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  readonly #asked = new Map<string, number[]>();
  #launches = 0;

  constructor(options: PdfRendererOptions = {}) {
    this.#chromiumPath = options.chromiumPath ?? CHROMIUM;
    this.#concurrency = Math.max(1, options.concurrency ?? 2);
    this.#queueLimit = Math.max(0, options.queueLimit ?? 8);
    this.#perUser = options.perUser ?? { max: 10, windowMs: 60_000 };
  }

  /** How many times a browser was started: one while it keeps running. */
  get launches(): number {
    return this.#launches;
  }

  /** The PDF of `html`, printed for `who` (a user's email, or the command line). */
  async render(html: string, who: string, now = Date.now()): Promise<Buffer> {
    this.#allow(who, now);
    if (this.#running >= this.#concurrency && this.#waiting.length >= this.#queueLimit) {
      fail('FP_PACK_BUSY', 'Every board-pack renderer is busy and the queue is full; try again shortly.', {
        where: { parameter: 'format' },
        received: 'pdf',
        hint: 'The HTML pack (format=html) is not queued and prints from the browser.',
        retryAfterSeconds: Math.ceil(((this.#waiting.length + 1) * TYPICAL_PRINT_SECONDS) / this.#concurrency),
      });
    }
    if (this.#running >= this.#concurrency) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#running++;
    try {
      return await this.#print(html);
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
    }
  }

  /** Counts a request against the user's allowance, or refuses it with when the oldest one lapses. */
  #allow(who: string, now: number): void {
    const recent = (this.#asked.get(who) ?? []).filter((at) => now - at < this.#perUser.windowMs);
    if (recent.length >= this.#perUser.max) {
      this.#asked.set(who, recent);
      fail('FP_PACK_RATE_LIMITED', `You have asked for ${recent.length} board-pack PDFs in the last minute.`, {
        where: { parameter: 'format' },
        received: 'pdf',
        accepted: `at most ${this.#perUser.max} in ${Math.round(this.#perUser.windowMs / 1000)} s`,
        retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.#perUser.windowMs - now) / 1000)),
      });
    }
    recent.push(now);
    if (this.#asked.size > 10_000) this.#asked.clear();
    this.#asked.set(who, recent);
  }

  #browserOnce(): Promise<Browser> {
    if (!this.#browser) {
      this.#launches++;
      const launching = chromium.launch({ executablePath: this.#chromiumPath, headless: true, args: FLAGS });
      this.#browser = launching;
      launching.then(
        (browser) =>
          browser.on('disconnected', () => {
            if (this.#browser === launching) this.#browser = undefined;
          }),
        () => {
          if (this.#browser === launching) this.#browser = undefined;
        },
      );
    }
    return this.#browser;
  }

  async #print(html: string): Promise<Buffer> {
    try {
      const browser = await this.#browserOnce();
      const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
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
        where: { file: this.#chromiumPath },
        received: error instanceof Error ? error.message.split('\n')[0] : String(error),
        hint: 'Install Debian’s chromium package, or set FOOTPRINT_CHROMIUM to a Chromium executable.',
      });
    }
  }

  /** Closes the shared browser, if one was started. */
  async close(): Promise<void> {
    const browser = this.#browser;
    this.#browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close();
  }
}

/** One print with a browser of its own, for the command line. */
export async function renderBoardPackPdf(html: string, chromiumPath = CHROMIUM): Promise<Buffer> {
  const renderer = new PdfRenderer({ chromiumPath, concurrency: 1 });
  try {
    return await renderer.render(html, 'cli');
  } finally {
    await renderer.close();
  }
}
