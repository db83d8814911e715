// Service-change what-ifs on a real workspace (reference data + 20,000 generated rows + run): a service
// consolidated from two providers into one, checked flow by flow and on both bases to the penny against the
// stored run; the workspace checks on a scenario's changes; `footprint whatif` in its three formats; and QIPP
// delivery of the same scenario against imported monthly actuals.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FootprintError } from '../../src/core/errors.ts';
import type { Scenario } from '../../src/core/planning/scenario-schema.ts';
import { whatIfAnswerSchema } from '../../src/core/service-change/index.ts';
import type { FinancialYear } from '../../src/core/units.ts';
import { initWorkspace } from '../../src/data/init-workspace.ts';
import { saveScenario } from '../../src/data/planning/scenario-store.ts';
import { importQippActuals, readQippDelivery } from '../../src/data/qipp/qipp-delivery.ts';
import { readWhatIf } from '../../src/data/service-change/read-what-if.ts';
import { openWorkspace, type Workspace } from '../../src/data/workspace.ts';

const root = join(import.meta.dirname, '..', '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const template = JSON.parse(
  readFileSync(join(root, 'definitions/scenarios/south-of-england-2017.json'), 'utf8'),
) as Scenario;
const BASE_YEAR = '2024/25';
const START = '2026/27' as FinancialYear;
const TESTER = { actor: 'tester@example.nhs.uk', organisation: 'national' };

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FootprintError)) throw new Error(`expected a FootprintError, got ${String(error)}`);
  return error.problem;
}

interface Cell {
  icb: string;
  provider: string;
  host: string;
  pence: number;
  activity: number;
}

let dir: string;
let ws: Workspace;
/** The catalogue service with the most providers in the base year, its providers by activity. */
let service: { code: string; name: string };
let cells: Cell[];
let closing: [string, string];
let receiver: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footprint-service-change-'));
  ws = await initWorkspace({ dir, activityRows: 20_000 });
  const busiest = await ws.one<{ code: string; name: string }>(
    `SELECT s.service_code AS code, s.name FROM service s JOIN flow f ON f.service_code = s.service_code
     WHERE s.is_current AND f.vintage = '2026' AND f.financial_year = $1
     GROUP BY ALL ORDER BY count(DISTINCT f.provider_code) DESC, code LIMIT 1`,
    [BASE_YEAR],
  );
  service = busiest!;
  cells = await ws.all<Cell>(
    `SELECT resident_icb AS icb, provider_code AS provider, provider_icb AS host,
       CAST(round(sum(spend) * 100) AS DOUBLE) AS pence, CAST(sum(activity) AS DOUBLE) AS activity
     FROM flow WHERE vintage = '2026' AND financial_year = $1 AND service_code = $2 GROUP BY ALL`,
    [BASE_YEAR, service.code],
  );
  const byProvider = [...new Set(cells.map((c) => c.provider))].sort();
  expect(byProvider.length).toBeGreaterThanOrEqual(3);
  closing = [byProvider[0]!, byProvider[1]!];
  receiver = byProvider[2]!;
}, 180_000);
afterAll(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

const consolidation = (name: string, changes: unknown[] = []): Scenario =>
  ({
    ...template,
    name,
    baseYear: BASE_YEAR,
    units: ['QUY', 'QSL'],
    changes: [
      { type: 'consolidate', service: service.code, fromProviders: closing, toProviders: [receiver], startYear: START },
      ...changes,
    ],
  }) as Scenario;

describe('a consolidation of one service from two providers into one', () => {
  it('empties the closed providers from the start year and moves their money, to the penny, on both bases', async () => {
    await saveScenario(ws, consolidation('Consolidate'), { owner: 'national', by: TESTER });
    const answer = whatIfAnswerSchema.parse(await readWhatIf(ws, 'Consolidate'));
    expect(answer.changes[0]!.summary).toContain(service.name);
    const planYears = ['2025/26', '2026/27', '2027/28', '2028/29'];
    expect(answer.years.map((y) => y.financialYear)).toEqual(planYears);
    const basePence = cells.reduce((s, c) => s + c.pence, 0);
    for (const y of answer.years) {
      expect(Math.round(y.baselineSpend * 100)).toBe(basePence);
      expect(Math.round(y.spend * 100)).toBe(basePence);
      expect(y.difference).toBe(0);
    }
    // Before the start year nothing changes.
    expect(answer.rows.filter((r) => r.financialYear === '2025/26')).toEqual([]);

    for (const year of planYears.slice(1)) {
      const rows = answer.rows.filter((r) => r.financialYear === year);
      // Every closed flow is listed at zero, beside its baseline.
      const closed = cells.filter((c) => closing.includes(c.provider) && (c.pence !== 0 || c.activity !== 0));
      expect(closed.length).toBeGreaterThan(0);
      for (const c of closed) {
        const row = rows.find((r) => r.provider === c.provider && r.residentIcb === c.icb);
        expect(row, `${c.provider} ${c.icb}`).toMatchObject({ activity: 0, spend: 0, service: service.code });
        expect(Math.round(row!.baselineSpend * 100)).toBe(c.pence);
      }
      // The receiver gains, resident by resident, exactly what the closed providers had.
      for (const icb of new Set(closed.map((c) => c.icb))) {
        const had = cells.filter((c) => c.icb === icb && c.provider === receiver).reduce((s, c) => s + c.pence, 0);
        const gained = closed.filter((c) => c.icb === icb).reduce((s, c) => s + c.pence, 0);
        const row = rows.find((r) => r.provider === receiver && r.residentIcb === icb)!;
        expect(Math.round(row.spend * 100)).toBe(had + gained);
        expect(Math.round(row.baselineSpend * 100)).toBe(had);
      }
      // Both bases, ICB by ICB, against the stored run's allocations moved by hand.
      const stored = await ws.all<{ icb: string; provider: number; population: number }>(
        `SELECT icb_code AS icb, CAST(round(sum(provider_basis_spend) * 100) AS DOUBLE) AS provider,
           CAST(round(sum(population_basis_spend) * 100) AS DOUBLE) AS population
         FROM allocation WHERE vintage = '2026' AND financial_year = $1 AND service_code = $2 GROUP BY icb_code`,
        [BASE_YEAR, service.code],
      );
      const movedFromHost = new Map<string, number>();
      for (const c of cells.filter((c) => closing.includes(c.provider))) {
        movedFromHost.set(c.host, (movedFromHost.get(c.host) ?? 0) + c.pence);
      }
      const receiverHost = cells.find((c) => c.provider === receiver)!.host;
      const totalMoved = [...movedFromHost.values()].reduce((s, p) => s + p, 0);
      for (const s of stored) {
        const row = answer.icbs.find((r) => r.financialYear === year && r.icb === s.icb);
        const expectedProvider =
          s.provider - (movedFromHost.get(s.icb) ?? 0) + (s.icb === receiverHost ? totalMoved : 0);
        expect(Math.round((row?.providerBasisSpend ?? 0) * 100), `provider basis ${s.icb}`).toBe(expectedProvider);
        expect(Math.round((row?.baselineProviderBasisSpend ?? 0) * 100)).toBe(s.provider);
        expect(Math.round((row?.populationBasisSpend ?? 0) * 100), `population basis ${s.icb}`).toBe(s.population);
      }
      // The closed providers see no patients; the receiver sees theirs.
      const volume = (p: string) => answer.providers.find((r) => r.financialYear === year && r.provider === p)!;
      for (const p of closing)
        expect([volume(p).patients, volume(p).occasional, volume(p).caseloadCv]).toEqual([0, false, null]);
      expect(volume(receiver).patients).toBeCloseTo(
        volume(receiver).baselinePatients + closing.reduce((s, p) => s + volume(p).baselinePatients, 0),
        6,
      );
    }
  });

  it('gives one year with --year, and refuses a year outside the plan naming the parameter', async () => {
    const one = await readWhatIf(ws, 'Consolidate', { year: '2027/28' as FinancialYear });
    expect(new Set([...one.rows, ...one.providers, ...one.icbs].map((r) => r.financialYear))).toEqual(
      new Set(['2027/28']),
    );
    expect(await problemOf(readWhatIf(ws, 'Consolidate', { year: '2030/31' as FinancialYear }))).toMatchObject({
      code: 'FP_PLAN_BAD_CHANGE',
      where: { parameter: 'year' },
    });
  });
});

describe('the workspace checks on changes', () => {
  it('FP_PLAN_CHANGE_UNKNOWN_CODE names the field of an unknown provider, ICB or service', async () => {
    const scenario = consolidation('Unknown codes', [
      { type: 'repatriate', service: service.code, fromProviders: ['ZZZ99'], residentIcbs: ['QQQ'], startYear: START },
    ]);
    expect(await problemOf(saveScenario(ws, scenario, { owner: 'national', by: TESTER }))).toMatchObject({
      code: 'FP_PLAN_CHANGE_UNKNOWN_CODE',
      where: { field: 'changes[1].fromProviders[0]' },
      received: 'ZZZ99',
    });
    const noService = {
      ...consolidation('Unknown service'),
      changes: [{ ...consolidation('x').changes![0]!, service: 'NOT-A-SERVICE' }],
    };
    expect(await problemOf(saveScenario(ws, noService, { owner: 'national', by: TESTER }))).toMatchObject({
      code: 'FP_PLAN_CHANGE_UNKNOWN_CODE',
      where: { field: 'changes[0].service' },
    });
  });

  it('repatriates to the nearest other provider, and FP_PLAN_CHANGE_NO_RECEIVER when there is none', async () => {
    const providers = [...new Set(cells.map((c) => c.provider))].sort();
    const home = cells.find((c) => c.provider === closing[0] && c.icb !== c.host)!;
    await saveScenario(
      ws,
      {
        ...consolidation('Repatriate'),
        changes: [
          {
            type: 'repatriate',
            service: service.code,
            fromProviders: [closing[0]],
            residentIcbs: [home.icb],
            startYear: START,
          },
        ],
      },
      { owner: 'national', by: TESTER },
    );
    const answer = await readWhatIf(ws, 'Repatriate', { year: START });
    const moved = answer.rows.filter((r) => r.provider !== closing[0]);
    expect(moved.length).toBe(1);
    expect(moved[0]!.residentIcb).toBe(home.icb);
    expect(answer.years[0]!.difference).toBe(0);

    await saveScenario(
      ws,
      {
        ...consolidation('Nowhere'),
        changes: [{ type: 'repatriate', service: service.code, fromProviders: providers, startYear: START }],
      },
      { owner: 'national', by: TESTER },
    );
    expect(await problemOf(readWhatIf(ws, 'Nowhere'))).toMatchObject({
      code: 'FP_PLAN_CHANGE_NO_RECEIVER',
      where: { field: 'changes[0].toProviders' },
    });
  });
});

describe('QIPP delivery', () => {
  const YEAR = '2025/26';
  it('reads imported actuals against the plan: on plan is green, half is red, and the total sums the schemes', async () => {
    const before = await readQippDelivery(ws, 'Consolidate', YEAR);
    const planned = (scheme: string, unit: string) =>
      before.rows.find((r) => r.level === 'scheme' && r.scheme === scheme && r.unit === unit)!.planned;
    const [onPlan, half] = template.qipp.map((q) => q.name) as [string, string];
    const monthly = (pounds: number) => Math.round((pounds * 100) / 12) / 100;
    const lines = ['scheme,unit,month,saving'];
    for (const month of [1, 2, 3]) {
      lines.push(`"${onPlan}",QUY,${month},${monthly(planned(onPlan, 'QUY')).toFixed(2)}`);
      lines.push(`"${half}",QUY,${month},${monthly(planned(half, 'QUY') / 2).toFixed(2)}`);
    }
    const file = join(dir, 'actuals.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(await importQippActuals(ws, 'Consolidate', YEAR, file, TESTER)).toBe(6);
    const answer = await readQippDelivery(ws, 'Consolidate');
    expect(answer.financialYear).toBe(YEAR);
    const row = (scheme: string) => answer.rows.find((r) => r.scheme === scheme && r.unit === 'QUY')!;
    expect(row(onPlan)).toMatchObject({ monthsReported: 3, rag: 'green', trend: 'steady' });
    expect(row(onPlan).forecast).toBeCloseTo(planned(onPlan, 'QUY'), 0);
    expect(row(half).rag).toBe('red');
    expect(row(half).forecast).toBeCloseTo(planned(half, 'QUY') / 2, 0);
    const total = answer.rows.find((r) => r.level === 'total')!;
    const schemes = answer.rows.filter((r) => r.level === 'scheme');
    expect(Math.round(total.forecast * 100)).toBe(Math.round(schemes.reduce((s, r) => s + r.forecast * 100, 0)));
    expect(Math.round(total.planned * 100)).toBe(Math.round(schemes.reduce((s, r) => s + r.planned * 100, 0)));
  });

  it('FP_QIPP_ACTUALS_BAD_ROW names the row and field, and nothing is stored; FP_QIPP_BAD_YEAR names --year', async () => {
    const file = join(dir, 'bad-actuals.csv');
    writeFileSync(
      file,
      `scheme,unit,month,saving\n"${template.qipp[0]!.name}",QUY,1,100\n"${template.qipp[0]!.name}",QUY,13,100\n`,
    );
    expect(await problemOf(importQippActuals(ws, 'Consolidate', '2025/26', file, TESTER))).toMatchObject({
      code: 'FP_QIPP_ACTUALS_BAD_ROW',
      where: { file, row: 2, field: 'month' },
    });
    expect(
      (await readQippDelivery(ws, 'Consolidate', '2025/26')).rows.find((r) => r.level === 'total')!.monthsReported,
    ).toBe(3);
    expect(await problemOf(importQippActuals(ws, 'Consolidate', '2040/41', file, TESTER))).toMatchObject({
      code: 'FP_QIPP_BAD_YEAR',
      where: { parameter: '--year' },
    });
    writeFileSync(file, 'scheme,unit,saving\n');
    expect(await problemOf(importQippActuals(ws, 'Consolidate', '2025/26', file, TESTER))).toMatchObject({
      code: 'FP_QIPP_ACTUALS_BAD_FILE',
      where: { field: 'month' },
    });
  });
});

describe('footprint whatif', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [tsx, join(root, 'src/cli/main.ts'), ...args, '--workspace', dir], {
      encoding: 'utf8',
      env: { ...process.env, FOOTPRINT_WORKSPACE: '' },
    });

  it('prints the changed flows beside the baseline as JSON, CSV and a workbook', async () => {
    ws.close();
    try {
      const json = JSON.parse(cli(['whatif', '--scenario', 'Consolidate', '--year', START]).stdout);
      expect(json.rows.length).toBeGreaterThan(0);
      expect(Object.keys(json.rows[0])).toEqual(
        expect.arrayContaining([
          'financialYear',
          'service',
          'provider',
          'residentIcb',
          'activity',
          'spend',
          'baselineActivity',
          'baselineSpend',
        ]),
      );
      expect(json.rows.every((r: { financialYear: string }) => r.financialYear === START)).toBe(true);
      const csv = cli(['whatif', '--scenario', 'Consolidate', '--year', START, '--format', 'csv'])
        .stdout.trim()
        .split('\r\n');
      expect(csv[0]).toBe(
        'financialYear,serviceName,service,providerName,provider,residentIcbName,residentIcb,baselineActivity,activity,baselineSpend,spend',
      );
      expect(csv).toHaveLength(1 + json.rows.length);
      const out = join(dir, 'whatif.xlsx');
      expect(cli(['whatif', '--scenario', 'Consolidate', '--format', 'xlsx', '--out', out]).status).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      expect(book.worksheets.map((s) => s.name)).toEqual(['Changed flows', 'Providers', 'ICBs', 'Totals']);
      const delivery = cli(['qipp', 'delivery', '--scenario', 'Consolidate', '--format', 'csv']).stdout.split('\r\n');
      expect(delivery[0]).toBe(
        'level,unitName,scheme,financialYear,monthsReported,planned,planToDate,actualToDate,forecast,variance,rag,trend',
      );
      const bad = cli(['whatif', '--scenario', 'No such thing']);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('FP_PLAN_SCENARIO_NOT_FOUND');
    } finally {
      ws = await openWorkspace(dir);
    }
  }, 180_000);
});
