// Financial planning on a real workspace (reference data + 20,000 generated rows + run): the base year
// against the stored run, a footprint's plan against its ICBs', savings against do-nothing, convergence
// against the envelope, risk share against the total variance, the scenario store's all-or-nothing rule,
// the workspace checks (unknown codes, a base year with no data, projections), and the CLI's three formats.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FootprintError } from '../../src/core/errors.ts';
import type { Scenario } from '../../src/core/planning/scenario-schema.ts';
import type { FinancialYear } from '../../src/core/units.ts';
import { writeXlsx } from '../../src/data/export/write-xlsx.ts';
import { addFootprint } from '../../src/data/footprints.ts';
import { initWorkspace } from '../../src/data/init-workspace.ts';
import { readBaseYearSpend } from '../../src/data/planning/base-year-spend.ts';
import { BASELINE_NAME, scenarioFromTemplate, storeBaselinePlan } from '../../src/data/planning/baseline-scenarios.ts';
import { comparisonTables, readScenarioComparison } from '../../src/data/planning/compare-scenarios.ts';
import { planScenario, planSchemeSavings } from '../../src/data/planning/plan-scenario.ts';
import { shortName } from '../../src/data/planning/plan-workbook.ts';
import { deleteScenario, getScenario, listScenarios, saveScenario } from '../../src/data/planning/scenario-store.ts';
import { planStoredScenario, readStoredPlan } from '../../src/data/planning/stored-plan.ts';
import { writeEstimatedProjections } from '../../src/data/projections/estimated-projections.ts';
import { openWorkspace, type Workspace } from '../../src/data/workspace.ts';

const root = join(import.meta.dirname, '..', '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const template = JSON.parse(
  readFileSync(join(root, 'definitions/scenarios/south-of-england-2017.json'), 'utf8'),
) as Scenario;
const BASE_YEAR = '2024/25' as FinancialYear;
const TESTER = { actor: 'tester@example.nhs.uk', organisation: 'QUY' };
const SOUTH_WEST = ['QJK', 'QOX', 'QR1', 'QSL', 'QT6', 'QUY', 'QVV'];

/** The template moved to a base year the workspace has, planned for two ICBs and a footprint of both. */
const scenario = (changes: Partial<Scenario> = {}): Scenario => ({
  ...template,
  name: 'Test plan',
  baseYear: BASE_YEAR,
  units: ['QUY', 'QSL', 'footprint:Somerset and BNSSG'],
  ...changes,
});

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FootprintError)) throw new Error(`expected a FootprintError, got ${String(error)}`);
  return error.problem;
}

let dir: string;
let ws: Workspace;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footprint-planning-'));
  ws = await initWorkspace({ dir, activityRows: 20_000 });
  await addFootprint(ws, 'Somerset and BNSSG', ['QUY', 'QSL']);
}, 120_000);
afterAll(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('base year', () => {
  it('adds up, ICB by ICB, to the stored population-basis allocations of the run', async () => {
    const base = await readBaseYearSpend(ws, BASE_YEAR as never);
    const stored = await ws.all<{ icb: string; spend: number }>(
      `SELECT icb_code AS icb, CAST(sum(population_basis_spend) * 100 AS BIGINT) AS spend FROM allocation
       WHERE vintage = '2026' AND financial_year = $1 GROUP BY icb_code`,
      [BASE_YEAR],
    );
    expect(stored.length).toBeGreaterThan(30);
    for (const { icb, spend } of stored) {
      const lines = base.linesByIcb.get(icb) ?? [];
      expect(Math.round(lines.reduce((s, l) => s + l.spend * 100, 0))).toBe(spend);
    }
  });

  it('FP_PLAN_NO_BASE_YEAR names the field and the years there are', async () => {
    const strict = scenario({ baseYear: '2016/17' as FinancialYear });
    delete strict.baseYearIfMissing;
    expect(await problemOf(planScenario(ws, strict))).toMatchObject({
      code: 'FP_PLAN_NO_BASE_YEAR',
      where: { field: 'baseYear' },
      accepted: '2023/24, 2024/25, 2025/26',
    });
  });

  it('runs the 2017 seed template on the earliest year the data has, and says so (FPW103)', async () => {
    const seed = { ...template, units: ['QUY', 'QSL'] };
    expect(seed.baseYear).toBe('2016/17');
    const result = await planScenario(ws, seed);
    expect(result.baseYear).toBe('2023/24');
    expect(result.rows[0]!.financialYear).toBe('2024/25');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'FPW103',
        where: { field: 'baseYear' },
        message: expect.stringContaining('2016/17'),
      }),
    );
    expect(result.provenance.derivation).toContain('earliest year the data has');
    // A base year with activity is kept as it is.
    expect((await planScenario(ws, { ...seed, baseYear: '2024/25' as FinancialYear })).baseYear).toBe('2024/25');
  });
});

describe('a plan', () => {
  it('plans a footprint as the sum of its ICBs, saving no more than do-nothing', async () => {
    const result = await planScenario(ws, scenario());
    expect(result.rows).toHaveLength(3 * template.years);
    const row = (unit: string, y: number) => result.rows.find((r) => r.unit === unit && r.planYear === y)!;
    for (let y = 1; y <= template.years; y++) {
      const footprint = row('footprint:Somerset and BNSSG', y);
      for (const field of ['doNothing', 'qippSaving', 'planSpend', 'allocation', 'gap', 'inflation'] as const) {
        expect(footprint[field]).toBeCloseTo(row('QUY', y)[field] + row('QSL', y)[field], 4);
      }
    }
    for (const r of result.rows) {
      expect(r.qippSaving).toBeGreaterThan(0);
      expect(r.qippSaving).toBeLessThanOrEqual(r.doNothing);
      expect(r.transactionalSaving + r.transformationalSaving).toBeCloseTo(r.qippSaving, 4);
    }
    // The savings detail adds up to each unit's saving.
    const detail = [...planSchemeSavings(result)].filter((s) => s.unit === 'QUY' && s.financialYear === '2025/26');
    expect(detail.reduce((s, d) => s + d.saving, 0)).toBeCloseTo(row('QUY', 1).qippSaving, 4);
    // Year 1 of the transformational scheme is the part-year effect: 3% × 6 ÷ 12 = 1.5% of do-nothing spend.
    const transformational = detail.filter((s) => s.type === 'transformational').reduce((s, d) => s + d.saving, 0);
    expect(transformational / row('QUY', 1).doNothing).toBeCloseTo(0.015, 10);
  });

  it('converges allocations to needs-based targets within the envelope, and shares risk to the total variance', async () => {
    const growth = [0.03, 0.025, 0.025, 0.025];
    const outturn = Object.fromEntries(SOUTH_WEST.map((icb, i) => [icb, 400_000_000 + i * 25_000_000]));
    const result = await planScenario(
      ws,
      scenario({
        units: ['QUY', 'footprint:South West'],
        allocation: {
          growth,
          target: 'needs',
          convergence: { floorGrowth: 0.01, capGrowth: 0.05 },
        },
        riskShare: {
          footprint: 'South West',
          type: 'threshold',
          basis: 'allocation',
          threshold: 0.02,
          cap: 3_000_000,
          outturn,
        },
      }),
    );
    const convergence = result.convergence!;
    expect(result.provenance.needsIndexYear).toMatch(/^\d{4}\/\d{2}$/);
    let previous = SOUTH_WEST.reduce(
      (s, icb) => s + convergence.find((c) => c.icb === icb && c.financialYear === '2025/26')!.previousAllocation * 100,
      0,
    );
    for (const [y, year] of ['2025/26', '2026/27', '2027/28', '2028/29'].entries()) {
      const rows = convergence.filter((c) => c.financialYear === year);
      expect(rows.map((r) => r.icb)).toEqual(SOUTH_WEST);
      const total = Math.round(rows.reduce((s, r) => s + r.allocation * 100, 0));
      // The envelope: last year's total grown by that year's allocation growth, to the penny.
      expect(total).toBe(Math.round(previous * (1 + growth[y]!)));
      for (const r of rows) {
        expect(r.allocation).toBeGreaterThanOrEqual(r.floor - 0.005);
        if (r.previousAllocation < r.targetAllocation && r.floor <= r.targetAllocation) {
          expect(r.allocation).toBeLessThanOrEqual(r.targetAllocation + 0.005);
        }
      }
      previous = total;
    }
    const risk = result.riskShare!;
    expect(risk.members.map((m) => m.icb)).toEqual(SOUTH_WEST);
    expect(Math.round(risk.members.reduce((s, m) => s + m.position * 100, 0))).toBe(
      Math.round(risk.totalVariance * 100),
    );
    // The footprint's allocation is the sum of its members' converged allocations.
    const swYear1 = result.rows.find((r) => r.unit === 'footprint:South West' && r.planYear === 1)!;
    const membersYear1 = convergence.filter((c) => c.financialYear === '2025/26').reduce((s, c) => s + c.allocation, 0);
    expect(swYear1.allocation).toBeCloseTo(membersYear1, 2);
  });

  it('FP_PLAN_UNKNOWN_UNIT and FP_PLAN_UNKNOWN_CODE name the field path', async () => {
    expect(await problemOf(planScenario(ws, scenario({ units: ['QUY', 'ZZZ'] })))).toMatchObject({
      code: 'FP_PLAN_UNKNOWN_UNIT',
      where: { field: 'units[1]' },
    });
    const qipp = [
      { name: 'Odd', type: 'transactional' as const, scope: { providers: ['NOPE1'] }, rates: [0.01, 0, 0, 0] },
    ];
    expect(await problemOf(planScenario(ws, scenario({ qipp })))).toMatchObject({
      code: 'FP_PLAN_UNKNOWN_CODE',
      where: { field: 'qipp[0].scope.providers[0]' },
      received: 'NOPE1',
    });
  });

  it('FP_PLAN_NO_PROJECTIONS when demographic growth asks for projections and none are held', async () => {
    const growth = { ...template.growth, demographic: 'projections' as const };
    // A new workspace holds the labelled estimate; without it, the plan says what is missing.
    await ws.run('DELETE FROM population_projection');
    await ws.run('DELETE FROM projection_import');
    try {
      expect(await problemOf(planScenario(ws, scenario({ growth })))).toMatchObject({
        code: 'FP_PLAN_NO_PROJECTIONS',
        where: { field: 'growth.demographic' },
      });
    } finally {
      await writeEstimatedProjections(ws);
    }
  });
});

describe('out of the box', () => {
  it('a new workspace has a stored, planned baseline for every ICB on the current planning round template', async () => {
    const baseline = await getScenario(ws, BASELINE_NAME);
    const icbs = await ws.all<{ code: string }>("SELECT icb_code AS code FROM icb WHERE vintage = '2026'");
    expect(baseline.units.filter((u) => !u.startsWith('footprint:')).sort()).toEqual(icbs.map((r) => r.code).sort());
    expect(baseline.owner).toBe('national');
    expect(baseline.baseYear).toBe('2025/26');
    expect(baseline.scenario.description).toMatch(
      /^Baseline made when the workspace was created: the current planning round template/,
    );
    const current = JSON.parse(readFileSync(join(root, 'definitions/scenarios/current-planning-round.json'), 'utf8'));
    expect(baseline.scenario.growth).toEqual(current.growth);
    const stored = await readStoredPlan(ws, baseline);
    expect(stored?.rows.filter((r) => r.unit === 'QWE')).toHaveLength(current.years);
    expect(stored?.convergence?.length).toBe(icbs.length * current.years);
    // Made once: a second call leaves the stored baseline alone.
    expect(await storeBaselinePlan(ws)).toBeNull();
  });

  it('applies a template to any set of units, leaving the template’s own control totals behind', () => {
    const seed = scenarioFromTemplate('south-of-england-2017', ['QWE', 'footprint:Somerset and BNSSG'], 'Mine');
    expect(seed).toMatchObject({ name: 'Mine', units: ['QWE', 'footprint:Somerset and BNSSG'], baseYear: '2016/17' });
    expect(seed.allocation.controlTotals).toBeUndefined();
    expect(() => scenarioFromTemplate('no-such-template', ['QWE'], 'X')).toThrow(/no scenario template/);
  });
});

describe('the glide path', () => {
  it('grows allocations without moving to target before convergence.from, then converges within floors', async () => {
    const glide = scenario({
      name: 'Glide',
      baseYear: '2023/24' as FinancialYear,
      units: ['QUY', 'QSL', 'QJK'],
      allocation: {
        growth: [0.02, 0.02, 0.02, 0.02],
        target: 'needs',
        convergence: { floorGrowth: 0.01, capGrowth: 0.05, from: '2025/26' as FinancialYear },
      },
    });
    delete glide.baseYearIfMissing;
    const result = await planScenario(ws, glide);
    const rows = result.convergence!;
    const before = rows.filter((r) => r.financialYear === '2024/25');
    expect(before).toHaveLength(3);
    for (const r of before) {
      expect(r.allocation).toBeCloseTo(r.previousAllocation * 1.02, 2);
      expect(r.floor).toBe(r.allocation);
      expect(r.distanceFromTargetAfter).toBeCloseTo((r.allocation - r.targetAllocation) / r.targetAllocation, 6);
    }
    for (const r of rows.filter((x) => x.financialYear >= '2025/26')) {
      expect(r.allocation).toBeGreaterThanOrEqual(r.floor - 0.005);
      expect(r.floor).toBeCloseTo(Math.ceil(r.previousAllocation * 1.01 * 100 - 1e-6) / 100, 2);
    }
    // Distance from target narrows once the glide path starts, for the ICB furthest from it.
    const furthest = before.reduce((a, b) =>
      Math.abs(a.distanceFromTargetAfter!) > Math.abs(b.distanceFromTargetAfter!) ? a : b,
    );
    const last = rows.filter((r) => r.icb === furthest.icb).at(-1)!;
    expect(Math.abs(last.distanceFromTargetAfter!)).toBeLessThan(Math.abs(furthest.distanceFromTargetAfter!));
  });
});

describe('comparing scenarios', () => {
  it('compares the baseline with another stored plan for a unit both have, and exports both tables', async () => {
    const compared = scenario({ name: 'Compared', units: ['QUY'] });
    compared.allocation = { ...compared.allocation, controlTotals: { QUY: [0, 0, 0, 0] } };
    await saveScenario(ws, compared, { owner: 'QUY', by: TESTER });
    try {
      const c = await readScenarioComparison(ws, [BASELINE_NAME, 'Compared']);
      expect(c.unit).toBe('QUY');
      const { result } = await planStoredScenario(ws, 'Compared');
      const figure = (key: string) => c.figures.find((f) => f.key === key)!.values;
      expect(figure('finalGap')[1]).toBeCloseTo(result.rows.at(-1)!.gap, 6);
      // The baseline sets no control total: "not set", and no distance is worked out.
      expect(figure('finalControlTotal')[0]).toBe('not set');
      expect(figure('finalDistance')[0]).toBe('not computed');
      expect(figure('finalControlTotal')[1]).toBe(0);
      const file = join(dir, 'comparison.xlsx');
      await writeXlsx(comparisonTables(c), file);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      expect(book.worksheets.map((s) => s.name)).toEqual(['Comparison', 'Gap by year']);
      expect(book.getWorksheet('Comparison')!.getRow(1).values).toEqual([
        undefined,
        'Figure',
        BASELINE_NAME,
        'Compared',
      ]);
      await expect(readScenarioComparison(ws, ['Compared'])).rejects.toMatchObject({
        problem: { code: 'FP_PLAN_BAD_COMPARISON', where: { parameter: 's' } },
      });
    } finally {
      await deleteScenario(ws, 'Compared', TESTER);
    }
  });
});

describe('the scenario store', () => {
  it('adds, lists, replaces, plans, stores the plan and deletes', async () => {
    const saved = await saveScenario(ws, scenario({ name: 'Stored' }), { owner: 'QUY', by: TESTER });
    expect(saved).toMatchObject({ name: 'Stored', owner: 'QUY', revision: 1, baseYear: BASE_YEAR });
    expect((await listScenarios(ws, ['QUY'])).map((s) => s.name)).toEqual(['Stored']);
    expect(await listScenarios(ws, ['QSL'])).toEqual([]);
    const { result } = await planStoredScenario(ws, 'stored');
    expect((await readStoredPlan(ws, saved))?.rows[0]?.planSpend).toBe(result.rows[0]!.planSpend);
    const replaced = await saveScenario(
      ws,
      scenario({
        name: 'Stored',
        years: 1,
        growth: { demographic: [0], nonDemographic: { default: [0] }, inflation: [0] },
        qipp: [],
        allocation: { growth: [0] },
      }),
      {
        owner: 'QUY',
        by: TESTER,
        replace: true,
      },
    );
    expect(replaced.revision).toBe(2);
    expect(await readStoredPlan(ws, replaced)).toBeUndefined();
    await deleteScenario(ws, 'Stored', TESTER);
    expect((await listScenarios(ws)).map((s) => s.name)).toEqual([BASELINE_NAME]);
  });

  it('refuses a bad scenario whole, naming the field, and stores nothing', async () => {
    const bad = { ...scenario({ name: 'Bad' }), qipp: [{ ...template.qipp[0]!, rates: [1.5, 0, 0, 0] }] };
    expect(await problemOf(saveScenario(ws, bad, { owner: 'QUY', by: TESTER }))).toMatchObject({
      code: 'FP_PLAN_BAD_RATE',
      where: { field: 'qipp[0].rates[0]' },
    });
    expect((await listScenarios(ws)).map((s) => s.name)).toEqual([BASELINE_NAME]);
  });

  it('FP_PLAN_SCENARIO_EXISTS without replace, FP_PLAN_SCENARIO_NOT_FOUND for a missing name', async () => {
    await saveScenario(ws, scenario({ name: 'Twice' }), { owner: 'QUY', by: TESTER });
    expect(await problemOf(saveScenario(ws, scenario({ name: 'twice' }), { owner: 'QUY', by: TESTER }))).toMatchObject({
      code: 'FP_PLAN_SCENARIO_EXISTS',
      where: { field: 'name' },
    });
    expect(await problemOf(getScenario(ws, 'Nobody'))).toMatchObject({
      code: 'FP_PLAN_SCENARIO_NOT_FOUND',
      where: { parameter: 'scenario' },
    });
    await deleteScenario(ws, 'Twice', TESTER);
  });
});

describe('footprint scenario and footprint plan', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [tsx, join(root, 'src/cli/main.ts'), ...args, '--workspace', dir], {
      encoding: 'utf8',
      env: { ...process.env, FOOTPRINT_WORKSPACE: '' },
    });

  it('adds a scenario file and writes its plan as JSON, CSV and a workbook', async () => {
    const icbName = new Map(
      (
        await ws.all<{ code: string; name: string }>("SELECT icb_code AS code, name FROM icb WHERE vintage = '2026'")
      ).map((r) => [r.code, r.name]),
    );
    const unitNames = ['QUY', 'QSL'].map((code) => icbName.get(code)!);
    ws.close();
    try {
      const file = join(dir, 'scenario.json');
      writeFileSync(file, JSON.stringify(scenario({ name: 'CLI plan', units: ['QUY', 'QSL'] })));
      const added = cli(['scenario', 'add', file, '--owner', 'QUY']);
      expect(added.stdout, added.stderr).toContain('Stored scenario CLI plan (revision 1)');
      const json = JSON.parse(cli(['plan', '--scenario', 'CLI plan']).stdout);
      expect(json.rows).toHaveLength(2 * template.years);
      expect(Object.keys(json.rows[0])).toEqual(
        expect.arrayContaining([
          'unit',
          'financialYear',
          'doNothing',
          'demographicGrowth',
          'nonDemographicGrowth',
          'inflation',
          'qippSaving',
          'transactionalSaving',
          'transformationalSaving',
          'planSpend',
          'allocation',
          'gap',
          'controlTotal',
          'distanceFromTarget',
        ]),
      );
      expect(json.schemes.length).toBeGreaterThan(0);
      const csv = cli(['plan', '--scenario', file, '--format', 'csv']).stdout.trim().split('\n');
      expect(csv[0]).toMatch(/^unit,unitName,financialYear,previousDoNothing/);
      expect(csv).toHaveLength(1 + 2 * template.years);
      const out = join(dir, 'plan.xlsx');
      expect(cli(['plan', '--scenario', 'CLI plan', '--format', 'xlsx', '--out', out]).status).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      const quyName = unitNames[0]!;
      expect(book.worksheets.map((s) => s.name)).toEqual([
        'About',
        'Inputs',
        ...unitNames.map((n) => shortName(n).slice(0, 31)),
        'Plan',
        'QIPP by scheme',
        'QIPP by provider',
      ]);
      const quy = book.getWorksheet(shortName(quyName).slice(0, 31))!;
      expect(quy.getRow(1).values).toEqual([
        undefined,
        `${quyName} (£)`,
        'Key',
        '2024/25 (base)',
        '2025/26',
        '2026/27',
        '2027/28',
        '2028/29',
      ]);
      const planSpendRow = quy.getRow(quy.getColumn(1).values.indexOf('Plan spend'));
      expect(planSpendRow.getCell(4).formula).toMatch(/^D\d+-D\d+$/);
      expect(planSpendRow.getCell(4).result).toBeCloseTo(json.rows[0].planSpend, 2);
      const bad = cli(['plan', '--scenario', 'No such thing']);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('FP_PLAN_SCENARIO_NOT_FOUND');
    } finally {
      ws = await openWorkspace(dir);
    }
  }, 180_000);
});
