// The board pack on a fresh workspace: the baseline plan made at init gives every ICB an allocation and a
// plan, so South West London's pack prints to at least three PDF pages with both sections, for its own
// ICB, its region and national alike.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initWorkspace } from '../../src/data/init-workspace.ts';
import { planRun } from '../../src/data/planning/base-year-spend.ts';
import { BASELINE_NAME } from '../../src/data/planning/baseline-scenarios.ts';
import { getScenario } from '../../src/data/planning/scenario-store.ts';
import { readStoredPlan } from '../../src/data/planning/stored-plan.ts';
import { importQippActuals, readQippDelivery } from '../../src/data/qipp/qipp-delivery.ts';
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

  it('has the baseline’s QIPP delivery for the ICB, phased by start month, against imported actuals', async () => {
    const before = await readQippDelivery(ws, BASELINE_NAME, '2026/27');
    const schemes = before.rows.filter((r) => r.level === 'scheme' && r.unit === 'QWE');
    expect(schemes.length).toBeGreaterThan(0);
    // Each scheme's months add up to its plan to the penny.
    for (const r of schemes) {
      expect(Math.round(r.plannedByMonth.reduce((a, b) => a + b * 100, 0))).toBe(Math.round(r.planned * 100));
    }
    const lines = ['scheme,unit,month,saving'];
    for (const r of schemes)
      for (const m of [1, 2]) lines.push(`"${r.scheme}",QWE,${m},${r.plannedByMonth[m - 1]!.toFixed(2)}`);
    const file = join(dir, 'actuals.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    await importQippActuals(ws, BASELINE_NAME, '2026/27', file, {
      actor: 'test@example.nhs.uk',
      organisation: 'national',
    });
    const pack = await readBoardPack(ws, (await findOrganisation(ws, 'national'))!, { icb: 'QWE' });
    const delivery = pack.qippDelivery!;
    expect(delivery.financialYear).toBe('2026/27');
    expect(delivery.rows.map((r) => r.level)).toEqual([...schemes.map(() => 'scheme'), 'unit']);
    for (const r of delivery.rows) expect([r.monthsReported, r.rag]).toEqual([2, 'green']);
    const html = boardPackHtml(pack);
    expect(html).toContain('<h2>QIPP delivery</h2>');
    expect(html).toContain('2 months of 2026/27 reported (imported actuals)');
  }, 120_000);

  it('derives actuals from a later dataset: the do-nothing of each month in scope less what it records', async () => {
    const { dataset } = await planRun(ws);
    const stored = await getScenario(ws, BASELINE_NAME);
    const baseYear = stored.scenario.baseYear;
    // A later dataset: the base year's activity again as 2026/27, at 97% of the cost, April to June only.
    await ws.run(
      `INSERT INTO activity (dataset, financial_year, month, provider_code, residence_code, service_code, pod,
         age_band, sex, activity, cost, patients)
       SELECT 'later', '2026/27', month, provider_code, residence_code, service_code, pod,
         age_band, sex, activity, CAST(round(cost * 0.97, 2) AS DECIMAL(18, 2)), patients
       FROM activity WHERE dataset = $1 AND financial_year = $2 AND month BETWEEN 1 AND 3`,
      [dataset, baseYear],
    );
    const answer = await readQippDelivery(ws, BASELINE_NAME, '2026/27', { actualsFromDataset: 'later' });
    expect(answer.actualsFrom).toEqual({ kind: 'dataset', dataset: 'later' });
    // A scheme covering all spend, so its scope is every QWE resident's spend.
    const scheme = stored.scenario.qipp.find(
      (q) => !q.scope.providers?.length && !q.scope.services?.length && !q.scope.pods?.length,
    )!;
    const row = answer.rows.find((r) => r.level === 'scheme' && r.unit === 'QWE' && r.scheme === scheme.name)!;
    expect(row.monthsReported).toBe(3);
    // By hand: QWE residents' in-scope spend per month in each dataset, and QWE's do-nothing growth.
    const plan = (await readStoredPlan(ws, stored))!;
    const rows = plan.rows.filter((r) => r.unit === 'QWE');
    const growth = rows.find((r) => r.financialYear === '2026/27')!.doNothing / rows[0]!.previousDoNothing;
    const monthly = async (ds: string, year: string) =>
      ws.all<{ month: number; pence: number }>(
        `SELECT CAST(a.month AS INTEGER) AS month, CAST(round(sum(a.cost) * 100) AS DOUBLE) AS pence
         FROM activity a JOIN residence_map r ON r.code = a.residence_code
         WHERE a.dataset = $1 AND a.financial_year = $2 AND r.icb_2026 = 'QWE' AND a.month BETWEEN 1 AND 3
         GROUP BY ALL ORDER BY 1`,
        [ds, year],
      );
    const base = await monthly(dataset, baseYear);
    const later = await monthly('later', '2026/27');
    const expected = base.map((b, i) => (Math.round(b.pence * growth) - later[i]!.pence) / 100);
    expect(row.actualByMonth).toEqual(expected);
  }, 120_000);
});
