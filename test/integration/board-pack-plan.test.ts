// The board pack on a fresh workspace: the baseline plan made at init gives every ICB an allocation and a
// plan, so South West London's pack prints to at least three PDF pages with both sections, for its own
// ICB, its region and national alike.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initWorkspace } from '../../src/data/init-workspace.ts';
import { BASELINE_NAME } from '../../src/data/planning/baseline-scenarios.ts';
import { readBoardPack } from '../../src/data/reports/board-pack.ts';
import { boardPackHtml } from '../../src/data/reports/board-pack-html.ts';
import { renderBoardPackPdf } from '../../src/data/reports/board-pack-pdf.ts';
import { findOrganisation } from '../../src/data/users/organisations.ts';
import type { Workspace } from '../../src/data/workspace.ts';

let dir: string;
let ws: Workspace;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footprint-pack-plan-'));
  ws = await initWorkspace({ dir, activityRows: 20_000 });
}, 180_000);
afterAll(() => {
  ws?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the board pack on a fresh workspace', () => {
  it('has South West London’s allocation, glide path and plan from the baseline, and no control total reads "not set"', async () => {
    const pack = await readBoardPack(ws, (await findOrganisation(ws, 'national'))!, { icb: 'QWE' });
    expect(pack.plan?.scenario).toBe(BASELINE_NAME);
    const plan = pack.plan!;
    expect(plan.years.map((y) => y.financialYear)).toEqual(['2026/27', '2027/28', '2028/29']);
    expect(plan.years.every((y) => y.controlTotal === null && y.distanceToControlTotal === null)).toBe(true);
    const glide = plan.allocationBasis.glidePath;
    expect(glide.map((g) => g.icb)).toEqual(['QWE', 'QWE', 'QWE']);
    expect(glide[0]!.icbName).toBe('NHS South West London Integrated Care Board');
    glide.forEach((g, y) => {
      expect(g.allocation).toBeCloseTo(plan.years[y]!.allocation, 2);
      expect(g.allocation).toBeGreaterThanOrEqual(g.floor - 0.005);
      expect(g.distanceFromTarget).toBeCloseTo((g.allocation - g.targetAllocation) / g.targetAllocation, 4);
    });
    // The baseline is the base year's population-basis spend, the stored run's figure for QWE.
    const stored = await ws.one<{ spend: number }>(
      "SELECT CAST(sum(population_basis_spend) AS DOUBLE) AS spend FROM allocation WHERE vintage = '2026' AND icb_code = 'QWE' AND financial_year = '2025/26'",
    );
    expect(plan.allocationBasis.baseline).toBeCloseTo(stored!.spend, 0);
    const html = boardPackHtml(pack);
    expect(html).toContain('<h2>Allocation: population basis, needs-based target and glide path</h2>');
    expect(html).toContain('general &amp; acute weighted population');
    expect(html).toMatch(/<td class="num">not set<\/td><td class="num">not computed<\/td>/);
  });

  it('prints South West London’s pack to at least three PDF pages with allocation and plan sections', async () => {
    const pack = await readBoardPack(ws, (await findOrganisation(ws, 'national'))!, { icb: 'QWE' });
    const file = join(dir, 'pack.pdf');
    writeFileSync(file, await renderBoardPackPdf(boardPackHtml(pack)));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const heading of [
      'Allocation: population basis, needs-based target and glide path',
      'Population-basis baseline',
      'Financial plan',
      'Gap and control total',
      'QIPP',
      BASELINE_NAME,
    ]) {
      expect(text).toContain(heading);
    }
  }, 120_000);

  it('is offered to the ICB’s region as well as to national', async () => {
    const region = await ws.one<{ code: string }>(
      "SELECT region_code AS code FROM icb WHERE vintage = '2026' AND icb_code = 'QWE'",
    );
    const regional = await findOrganisation(ws, region!.code);
    expect(regional?.type).toBe('region');
    expect((await readBoardPack(ws, regional!, { icb: 'QWE' })).plan?.scenario).toBe(BASELINE_NAME);
  });
});
