// The checks every page must pass at 1280 and 375 px, shared by the browser tests: nothing logged as an
// error in the console, every column of every table within reach (it fits, or scrolls in a keyboard-
// reachable box with a visible cue), and every chart's text inside its canvas and clear of other text.
import type { Page } from 'playwright-core';
import { DESKTOP, MOBILE, settled } from './browser.ts';

export interface ConsoleWatch {
  /** Errors logged since the last call, emptied by reading. */
  take(): string[];
}

/** Starts collecting console errors and uncaught exceptions; call before the first navigation. */
export function watchConsole(page: Page): ConsoleWatch {
  let errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return {
    take() {
      const taken = errors;
      errors = [];
      return taken;
    },
  };
}

/** Page-side code is passed as text: this file is type-checked for Node, without the DOM's types. */
const TABLES_OUT_OF_REACH = `(() => {
  const screen = document.documentElement.clientWidth;
  const problems = [];
  for (const table of document.querySelectorAll('main table')) {
    if (table.offsetParent === null) continue; // hidden: not on screen at all
    const name = (table.caption?.textContent ?? 'a table without a caption').trim();
    let box = table.parentElement;
    while (box && box !== document.body && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
    const scrolls = box !== null && box !== document.body && ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
    const outer = (scrolls ? box : table).getBoundingClientRect();
    if (outer.right > screen + 1) {
      problems.push(name + ': reaches ' + Math.round(outer.right) + ' px on a ' + screen + ' px screen');
      continue;
    }
    const room = scrolls ? box.clientWidth : Math.min(screen, table.parentElement.clientWidth);
    if (table.scrollWidth <= room + 1) continue;
    if (!scrolls) problems.push(name + ': ' + table.scrollWidth + ' px wide in ' + room + ' px and does not scroll');
    else if (box.tabIndex < 0) problems.push(name + ': scrolls, but not by keyboard (the box cannot take focus)');
    else {
      const cue = box.previousElementSibling;
      if (!cue || !cue.classList.contains('fp-scroll-cue') || cue.offsetParent === null) problems.push(name + ': scrolls with no visible cue that there is more');
    }
  }
  return problems;
})()`;

const CHART_LABEL_PROBLEMS = `[...document.querySelectorAll('.fp-chart')].flatMap((chart) =>
  (chart.dataset.labelProblems ?? 'not drawn').split('\\n').filter(Boolean).map((p) => (chart.getAttribute('aria-label') ?? 'a chart').slice(0, 60) + ': ' + p))`;

export interface PageProblems {
  width: number;
  console: string[];
  tables: string[];
  charts: string[];
}

async function problemsAtWidth(page: Page, console: ConsoleWatch): Promise<PageProblems> {
  await settled(page);
  // Tables behind "Show these figures as a table" are checked as a person opening them would see them.
  await page.evaluate("document.querySelectorAll('main details').forEach((d) => { d.open = true; })");
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  // Every chart reports its labels once ECharts has finished drawing.
  await page.waitForFunction(
    "[...document.querySelectorAll('.fp-chart')].every((c) => c.dataset.labelProblems !== undefined)",
    undefined,
    { timeout: 30_000 },
  );
  return {
    width: page.viewportSize()?.width ?? 0,
    console: console.take(),
    tables: (await page.evaluate(TABLES_OUT_OF_REACH)) as string[],
    charts: (await page.evaluate(CHART_LABEL_PROBLEMS)) as string[],
  };
}

/**
 * Checks the page now loaded at desktop width, then again at mobile width, and returns what it found at
 * each (empty lists when the page passes). Leaves the viewport at desktop width.
 */
export async function pageProblems(page: Page, console: ConsoleWatch): Promise<PageProblems[]> {
  await page.setViewportSize(DESKTOP);
  const desktop = await problemsAtWidth(page, console);
  await page.setViewportSize(MOBILE);
  // Charts redraw for the new width on the next frames; narrow layouts may fetch nothing new.
  await page.waitForTimeout(300);
  const mobile = await problemsAtWidth(page, console);
  await page.setViewportSize(DESKTOP);
  return [desktop, mobile];
}

/** What a passing page returns from `pageProblems`, for `expect(...).toEqual(...)`. */
export const NO_PROBLEMS: PageProblems[] = [DESKTOP.width, MOBILE.width].map((width) => ({
  width,
  console: [],
  tables: [],
  charts: [],
}));
