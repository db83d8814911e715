// The plan workbook as a working paper: every unit figure is a formula over the Inputs sheet's defined names,
// and a real spreadsheet engine (LibreOffice headless) recalculating it from its formulas alone gets the
// app's figures to the penny; changing an input changes the figures downstream. LibreOffice must be
// installed: without it these tests fail with the install hint (they are never skipped).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/planning/scenario-schema.ts';
import type { FinancialYear } from '../../src/core/units.ts';
import { addFootprint } from '../../src/data/footprints.ts';
import { initWorkspace } from '../../src/data/init-workspace.ts';
import { type PlanResult, planScenario, planSchemeSavings } from '../../src/data/planning/plan-scenario.ts';
import { writePlanWorkbook } from '../../src/data/planning/plan-workbook.ts';
import type { Workspace } from '../../src/data/workspace.ts';
import { recalculate, requireSoffice, withoutResults } from './support/recalculate.ts';

const root = join(import.meta.dirname, '..', '..');
const template = JSON.parse(
  readFileSync(join(root, 'definitions/scenarios/south-of-england-2017.json'), 'utf8'),
) as Scenario;
const FOOTPRINT = 'Somerset and BNSSG';

/** Rows (by label in column A) of a unit sheet, each year's value: a formula's result or a plain value. */
function sheetFigures(sheet: ExcelJS.Worksheet, years: number): Map<string, (number | string | null)[]> {
  const figures = new Map<string, (number | string | null)[]>();
  sheet.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label !== 'string' || figures.has(label)) return;
    figures.set(
      label,
      Array.from({ length: years }, (_, y) => {
        const v = row.getCell(4 + y).value;
        // exceljs reads a cached result of 0 as no result at all (the file holds <v>0</v>).
        if (v && typeof v === 'object' && 'formula' in v) return (v.result as number | string | undefined) ?? 0;
        return (v as number | string | null) ?? null;
      }),
    );
  });
  return figures;
}

const LINES: [string, keyof PlanResult['rows'][number]][] = [
  ['Base: last year’s do-nothing spend', 'previousDoNothing'],
  ['Demographic growth', 'demographicGrowth'],
  ['Non-demographic growth', 'nonDemographicGrowth'],
  ['Inflation', 'inflation'],
  ['Do-nothing spend', 'doNothing'],
  ['Transactional QIPP', 'transactionalSaving'],
  ['Transformational QIPP', 'transformationalSaving'],
  ['Total QIPP', 'qippSaving'],
  ['Plan spend', 'planSpend'],
  ['Gap: allocation − plan spend', 'gap'],
  ['Control total (position to deliver)', 'controlTotal'],
  ['Distance to control total: gap − control total', 'distanceToControlTotal'],
];

/** Every figure of every unit sheet against the app's rows and savings by scheme, to the penny. */
async function expectAppFigures(file: string, result: PlanResult, scenario: Scenario): Promise<number> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  let checked = 0;
  const bySheetTitle = new Map(book.worksheets.map((s) => [String(s.getCell('A1').value), s]));
  for (const unit of result.workings) {
    const sheet = bySheetTitle.get(`${unit.name} (£)`);
    expect(sheet, `a sheet for ${unit.name}`).toBeDefined();
    const figures = sheetFigures(sheet!, result.years);
    const rows = result.rows.filter((r) => r.unit === unit.unit);
    const allocationLabel = [...figures.keys()].find((k) => k.startsWith('Allocation'))!;
    for (const [label, key] of [...LINES, [allocationLabel, 'allocation'] as [string, 'allocation']]) {
      rows.forEach((row, y) => {
        const app = row[key] as number | null;
        const got = figures.get(label)?.[y];
        if (app === null) expect(got, `${unit.name} ${label} ${row.financialYear}`).toMatch(/^not (set|computed)$/);
        else {
          expect(typeof got, `${unit.name} ${label} ${row.financialYear}`).toBe('number');
          expect(Math.abs((got as number) - app), `${unit.name} ${label} ${row.financialYear}`).toBeLessThan(0.005);
        }
        checked++;
      });
    }
    scenario.qipp.forEach((scheme, s) => {
      const label = `QIPP ${s + 1}: ${scheme.name} — total (${scheme.type})`;
      rows.forEach((row, y) => {
        let app = 0;
        for (const saving of planSchemeSavings(result)) {
          if (saving.unit === unit.unit && saving.scheme === scheme.name && saving.financialYear === row.financialYear)
            app += saving.saving;
        }
        expect(Math.abs((figures.get(label)![y] as number) - app), `${unit.name} ${label}`).toBeLessThan(0.005);
        const recurrent = figures.get(`QIPP ${s + 1}: ${scheme.name} — recurrent`)![y] as number;
        const partYear = figures.get(`QIPP ${s + 1}: ${scheme.name} — part-year`)![y] as number;
        expect(Math.abs(recurrent + partYear - app)).toBeLessThan(0.005);
        checked++;
      });
    });
  }
  return checked;
}

let dir: string;
let ws: Workspace;
let scenario: Scenario;
let result: PlanResult;
let exported: string;
beforeAll(async () => {
  requireSoffice();
  dir = mkdtempSync(join(tmpdir(), 'footprint-workbook-'));
  ws = await initWorkspace({ dir, activityRows: 20_000 });
  await addFootprint(ws, FOOTPRINT, ['QUY', 'QSL']);
  scenario = {
    ...template,
    name: 'Workbook plan',
    baseYear: '2024/25' as FinancialYear,
    units: ['QUY', 'QSL', `footprint:${FOOTPRINT}`],
    // QUY has a control total, QSL none: so the footprint has none either and reads "not set".
    allocation: { ...template.allocation, controlTotals: { QUY: [0, 1_000_000, 2_000_000, 3_000_000] } },
  };
  result = await planScenario(ws, scenario);
  exported = join(dir, 'plan.xlsx');
  await writePlanWorkbook(result, scenario, exported);
}, 180_000);
afterAll(() => {
  ws?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the plan workbook', () => {
  it('holds the assumptions as defined names on the Inputs sheet and formulas on the unit sheets', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exported);
    const names = book.definedNames.model.map((n) => n.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Demographic_growth',
        'Inflation',
        'Allocation_growth',
        'QIPP3_part_year',
        'QIPP3_recurrent',
      ]),
    );
    const inflation = book.definedNames.model.find((n) => n.name === 'Inflation')!;
    expect(inflation.ranges[0]).toMatch(/^'?Inputs'?!\$D\$\d+:\$G\$\d+$/);
    const quy = book.worksheets.find((s) => s.getCell('A1').value === `${result.workings[0]!.name} (£)`)!;
    const planRow = quy.getColumn(1).values.indexOf('Plan spend');
    expect(planRow).toBeGreaterThan(0);
    expect(quy.getCell(planRow, 4).formula).toMatch(/^D\d+-D\d+$/);
    const formulas: string[] = [];
    quy.eachRow((row) => {
      const f = row.getCell(5).formula;
      if (f) formulas.push(f);
    });
    expect(formulas.some((f) => f.includes('INDEX(Inflation,2)'))).toBe(true);
    expect(formulas.some((f) => f.includes('INDEX(QIPP3_part_year,2)'))).toBe(true);
  });

  it('carries the app’s figures as the formulas’ cached results', async () => {
    expect(await expectAppFigures(exported, result, scenario)).toBeGreaterThan(100);
  });

  it('recalculated by LibreOffice from its formulas alone, gives every figure of the app to the penny', async () => {
    const bare = join(dir, 'bare.xlsx');
    await withoutResults(exported, bare);
    const recalculated = recalculate(bare);
    expect(existsSync(recalculated)).toBe(true);
    expect(await expectAppFigures(recalculated, result, scenario)).toBeGreaterThan(100);
  }, 240_000);

  it('changes the figures downstream when an input changes, and computes a distance once a control total is set', async () => {
    const changed = join(dir, 'changed.xlsx');
    const qsl = result.workings.find((u) => u.unit === 'QSL')!;
    await withoutResults(exported, changed, (book) => {
      const inputs = book.getWorksheet('Inputs')!;
      const labels = inputs.getColumn(1).values;
      const inflation = labels.indexOf('Inflation');
      inputs.getCell(inflation, 4).value = (scenario.growth.inflation[0] ?? 0) + 0.01;
      const details = inputs.getColumn(2).values as unknown[];
      const qslControl = details.findIndex((d) => typeof d === 'string' && d.startsWith(qsl.name));
      expect(qslControl).toBeGreaterThan(0);
      for (let y = 0; y < scenario.years; y++) inputs.getCell(qslControl, 4 + y).value = 500_000;
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(recalculate(changed));
    const i1 = scenario.growth.inflation[0]!;
    for (const unit of result.workings) {
      const figures = sheetFigures(book.worksheets.find((s) => s.getCell('A1').value === `${unit.name} (£)`)!, 4);
      const app = result.rows.filter((r) => r.unit === unit.unit);
      const doNothing = figures.get('Do-nothing spend')![0] as number;
      expect(doNothing).toBeCloseTo((app[0]!.doNothing * (1 + i1 + 0.01)) / (1 + i1), 2);
      expect(figures.get('Plan spend')![0] as number).toBeGreaterThan(app[0]!.planSpend);
      const gap = figures.get('Gap: allocation − plan spend')![0] as number;
      expect(gap).toBeLessThan(app[0]!.gap);
      if (unit.unit === 'QUY') expect(figures.get('Control total (position to deliver)')![1]).toBe(1_000_000);
      else {
        // QSL now has a control total, so the footprint adds up its two ICBs' totals (QUY's is 1,000,000 in
        // plan year 2).
        const expected = unit.unit === 'QSL' ? [500_000, 500_000] : [500_000, 1_500_000];
        expect(figures.get('Control total (position to deliver)')!.slice(0, 2)).toEqual(expected);
        expect(figures.get('Distance to control total: gap − control total')![0] as number).toBeCloseTo(
          gap - expected[0]!,
          2,
        );
      }
    }
  }, 240_000);

  it('with converging allocations, holds them as the pace-of-change values and still recalculates to the app’s figures', async () => {
    const converging: Scenario = {
      ...scenario,
      name: 'Converging plan',
      allocation: {
        growth: [0.03, 0.03, 0.03, 0.03],
        target: 'needs',
        convergence: { floorGrowth: 0.01, capGrowth: 0.05 },
      },
    };
    const plan = await planScenario(ws, converging);
    expect(plan.convergence).not.toBeNull();
    const file = join(dir, 'converging.xlsx');
    await writePlanWorkbook(plan, converging, file);
    const bare = join(dir, 'converging-bare.xlsx');
    await withoutResults(file, bare);
    expect(await expectAppFigures(recalculate(bare), plan, converging)).toBeGreaterThan(100);
  }, 240_000);
});
