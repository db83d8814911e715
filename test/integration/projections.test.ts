// Population projections on a real workspace (reference data + 20,000 generated rows + run): importing the
// ONS SNPP layout (local authorities shared among ICBs by their GP practices' registered patients), the
// all-or-nothing rule, the labelled estimate a new workspace holds until then, and a plan whose demographic
// growth is "projections".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FootprintError } from '../../src/core/errors.ts';
import type { Scenario } from '../../src/core/planning/scenario-schema.ts';
import { AGE_BANDS } from '../../src/core/population/age-bands.ts';
import { ESTIMATE_LABEL } from '../../src/core/population/estimated-projection.ts';
import type { FinancialYear } from '../../src/core/units.ts';
import { initWorkspace } from '../../src/data/init-workspace.ts';
import { readBaseYearSpend } from '../../src/data/planning/base-year-spend.ts';
import { planScenario } from '../../src/data/planning/plan-scenario.ts';
import { writePlanWorkbook } from '../../src/data/planning/plan-workbook.ts';
import { importProjections } from '../../src/data/projections/import-projections.ts';
import { openWorkspace, type Workspace } from '../../src/data/workspace.ts';
import { recalculate, requireSoffice, withoutResults } from './support/recalculate.ts';

const root = join(import.meta.dirname, '..', '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const fixtures = join(root, 'test', 'fixtures', 'projections');
const GOOD = join(fixtures, 'snpp-layout-sample.csv');
const BAD = join(fixtures, 'bad-rows.csv');

/** Only demographic growth moves spend: every other rate is 0 and there is no QIPP. */
const scenario = (years: number): Scenario => ({
  version: 1,
  name: 'Projections plan',
  baseYear: '2024/25' as FinancialYear,
  years,
  units: ['QUY', 'QSL'],
  growth: {
    demographic: 'projections',
    nonDemographic: { default: Array.from({ length: years }, () => 0) },
    inflation: Array.from({ length: years }, () => 0),
  },
  qipp: [],
  allocation: { growth: Array.from({ length: years }, () => 0) },
});

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FootprintError)) throw new Error(`expected a FootprintError, got ${String(error)}`);
  return error.problem;
}

const storedRows = async (ws: Workspace) =>
  (await ws.one<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM population_projection'))!.n;

let dir: string;
let ws: Workspace;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footprint-projections-'));
  (await initWorkspace({ dir, activityRows: 20_000 })).close();
}, 120_000);
afterAll(() => {
  ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('footprint projections import', () => {
  it("a new workspace holds Footprint's labelled estimate, so a projections plan runs and says what it used", async () => {
    ws = await openWorkspace(dir);
    // 36 ICBs × 19 bands × 2 sexes × mid-2019 … mid-2040.
    expect(await storedRows(ws)).toBe(36 * 19 * 2 * 22);
    const result = await planScenario(ws, scenario(3));
    expect(result.provenance.derivation).toContain(ESTIMATE_LABEL);
    expect(result.rows.find((r) => r.unit === 'QUY' && r.planYear === 1)!.demographicGrowth).not.toBe(0);
  });

  it('FP_PROJECTIONS_REJECTED names the file, row and field, and keeps the projections held', async () => {
    // Data row 3 has SEX "women"; data row 5 has "n/a" for 2025.
    expect(await problemOf(importProjections(ws, BAD))).toMatchObject({
      code: 'FP_PROJECTIONS_REJECTED',
      where: { file: 'bad-rows.csv', row: 3, field: 'SEX' },
      received: 'women',
      message: expect.stringContaining('and 1 more problems'),
    });
    expect(await storedRows(ws)).toBe(36 * 19 * 2 * 22);
  });

  it('FP_PROJECTIONS_BAD_FILE when the ONS columns are missing', async () => {
    expect(await problemOf(importProjections(ws, join(root, 'test', 'fixtures', 'stats', 'rate.csv')))).toMatchObject({
      code: 'FP_PROJECTIONS_BAD_FILE',
      where: { file: 'rate.csv' },
    });
  });

  it('imports the ONS layout from the command line, local authorities to ICBs', async () => {
    ws.close();
    const cli = spawnSync(
      process.execPath,
      [tsx, 'src/cli/main.ts', 'projections', 'import', GOOD, '--workspace', dir],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    // 225 rows: 182 + 2 'All ages' + 1 persons + 1 births for Bristol, 38 for Mendip, 1 for the region;
    // left out: the 2 'All ages', the persons row, the births row and the region row.
    expect(cli.stdout).toContain('225 rows (5 left out');
    expect(cli.stdout).toContain('for 2 ICBs, mid-2024 to mid-2027');
    ws = await openWorkspace(dir);
    // Bristol's practices are all in QUY, Mendip's all in QSL (2025/26 weighted populations' LAD column):
    // 19 bands × 2 sexes × 4 years each.
    expect(await storedRows(ws)).toBe(2 * 19 * 2 * 4);
    const cell = (icb: string, year: number, band: string, sex: string) =>
      ws.one<{ persons: number }>(
        'SELECT persons FROM population_projection WHERE icb_code = $1 AND year = $2 AND age_band = $3 AND sex = $4',
        [icb, year, band, sex],
      );
    // Ages 0…4 at 1,000 each; 90 and over is one row of 1,000.
    expect((await cell('QUY', 2024, '0-4', 'F'))!.persons).toBeCloseTo(5000, 6);
    expect((await cell('QUY', 2025, '90+', 'M'))!.persons).toBeCloseTo(1020, 6);
    expect((await cell('QSL', 2025, '75-79', 'F'))!.persons).toBe(10000);
  });

  it('a failed import keeps the projections already held', async () => {
    await problemOf(importProjections(ws, BAD));
    expect(await storedRows(ws)).toBe(2 * 19 * 2 * 4);
  });
});

describe('a plan with demographic growth from projections', () => {
  it('grows each ICB by its cost-weighted projected population', async () => {
    const result = await planScenario(ws, scenario(3));
    const row = (unit: string, year: number) => result.rows.find((r) => r.unit === unit && r.planYear === year)!;

    // QUY (Bristol): every age band × sex grows 2% a year, so whatever the weights, the cost-weighted
    // population grows 2% a year: demographic growth = 0.02 × last year's do-nothing, and with every other
    // rate 0, do-nothing = base × 1.02, × 1.02², × 1.02³.
    const base = await readBaseYearSpend(ws, '2024/25' as FinancialYear);
    const quyBase = (base.linesByIcb.get('QUY') ?? []).reduce((s, l) => s + l.spend, 0);
    expect(quyBase).toBeGreaterThan(0);
    for (const year of [1, 2, 3]) {
      expect(row('QUY', year).demographicGrowth).toBeCloseTo(row('QUY', year).previousDoNothing * 0.02, 4);
      expect(row('QUY', year).doNothing).toBeCloseTo(quyBase * 1.02 ** year, 4);
    }

    // QSL (Mendip): only women aged 75–79 change, 5,000 → 10,000 in plan year 1, nothing after. Each band
    // holds 5,000 people (90+ holds 1,000), so for a service with England spend per head w[c] in cell c:
    //   cost-weighted population, base  = Σ_c w[c] × P[c] (P = 5,000, or 1,000 for 90+)
    //   growth in plan year 1           = w[75–79 F] × 5,000 ÷ base; 0 in plan years 2 and 3.
    // A service with no England spend by age and sex grows with the headcount: 5,000 ÷ 182,000.
    // The weights come straight from activity and the registered population here, not from the planner.
    const spend = await ws.all<{ service: string; band: string; sex: string; spend: number }>(
      `SELECT service_code AS service, age_band AS band, sex, CAST(sum(cost) AS DOUBLE) AS spend FROM activity
       WHERE dataset = (SELECT value FROM setting WHERE key = 'current_dataset') AND financial_year = '2024/25'
         AND sex IN ('M', 'F') AND age_band IS NOT NULL GROUP BY ALL`,
    );
    const people = await ws.all<{ band: string; sex: string; persons: number }>(
      `SELECT age_band AS band, sex, CAST(sum(persons) AS DOUBLE) AS persons FROM population
       WHERE area_type = 'icb' GROUP BY ALL`,
    );
    const england = new Map(people.map((p) => [`${p.band}|${p.sex}`, p.persons]));
    const growthOf = (service: string) => {
      let baseWeighted = 0;
      let extra = 0;
      for (const s of spend.filter((x) => x.service === service && AGE_BANDS.includes(x.band as never))) {
        const perHead = s.spend / england.get(`${s.band}|${s.sex}`)!;
        baseWeighted += perHead * (s.band === '90+' ? 1000 : 5000);
        if (s.band === '75-79' && s.sex === 'F') extra += perHead * 5000;
      }
      return baseWeighted > 0 ? extra / baseWeighted : 5000 / 182_000;
    };
    const qslLines = base.linesByIcb.get('QSL') ?? [];
    expect(qslLines.length).toBeGreaterThan(0);
    const expected = qslLines.reduce((s, l) => s + l.spend * growthOf(l.service), 0);
    expect(expected).toBeGreaterThan(0);
    expect(row('QSL', 1).demographicGrowth).toBeCloseTo(expected, 4);
    expect(row('QSL', 2).demographicGrowth).toBeCloseTo(0, 6);
    expect(result.provenance.derivation).toContain('population projections from snpp-layout-sample.csv');
  });

  it('writes the projections plan as a workbook whose recalculated do-nothing spend is the app’s', async () => {
    requireSoffice();
    const result = await planScenario(ws, scenario(3));
    const file = join(dir, 'projections-plan.xlsx');
    await writePlanWorkbook(result, scenario(3), file);
    const bare = join(dir, 'projections-plan-bare.xlsx');
    await withoutResults(file, bare);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(recalculate(bare));
    expect(book.worksheets.map((s) => s.name)).toContain('Demographic growth');
    for (const unit of result.workings) {
      const sheet = book.worksheets.find((s) => s.getCell('A1').value === `${unit.name} (£)`)!;
      const at = sheet.getColumn(1).values.indexOf('Demographic growth');
      result.rows
        .filter((r) => r.unit === unit.unit)
        .forEach((r, y) => {
          const v = sheet.getCell(at, 4 + y).value as { result?: number };
          expect(v.result ?? 0).toBeCloseTo(r.demographicGrowth, 2);
        });
    }
  }, 240_000);

  it('FP_PLAN_NO_PROJECTIONS when the projections stop before the plan ends', async () => {
    // A 4-year plan from 2024/25 needs mid-2024 to mid-2028; the file ends at mid-2027.
    expect(await problemOf(planScenario(ws, scenario(4)))).toMatchObject({
      code: 'FP_PLAN_NO_PROJECTIONS',
      where: { field: 'growth.demographic' },
      received: 'projections for mid-2024 to mid-2027',
      accepted: 'projections for mid-2024 (base year 2024/25) to mid-2028',
    });
  });
});
