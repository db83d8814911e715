// Basis conversion on a real DuckDB workspace: stored totals conserved to the penny, the unknown-residence
// rule, both geography vintages, the engine against the core reference, and the report formats. Expected
// figures are worked by hand from the toy rows in support/basis-fixture.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowMatrix } from '../../src/core/basis/index.ts';
import { FootprintError } from '../../src/core/errors.ts';
import type { FinancialYear, IcbCode, ProviderCode, ServiceCode } from '../../src/core/units.ts';
import { DuckDbEngine } from '../../src/data/engines/duckdb.ts';
import { buildReport } from '../../src/data/reports/index.ts';
import { runBasisConversion } from '../../src/data/run/run-basis-conversion.ts';
import type { Workspace } from '../../src/data/workspace.ts';
import {
  type BasisWorkspace,
  createBasisWorkspace,
  insertToyActivity,
  type ToyActivity,
} from './support/basis-fixture.ts';

const root = join(import.meta.dirname, '..', '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

function footprint(args: string[]) {
  const result = spawnSync(process.execPath, [tsx, join(root, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, FOOTPRINT_WORKSPACE: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FootprintError);
  return (error as FootprintError).problem;
}

const allocationsOf = (ws: Workspace, vintage: string) =>
  ws.all<{ y: string; icb: string; s: string; pb: number; pop: number }>(
    `SELECT financial_year AS y, icb_code AS icb, service_code AS s,
            provider_basis_spend AS pb, population_basis_spend AS pop
     FROM allocation WHERE dataset = 'toy' AND vintage = $1 ORDER BY y, icb, s`,
    [vintage],
  );

describe('footprint run on a toy workspace', () => {
  let toy: BasisWorkspace;
  beforeAll(async () => {
    toy = await createBasisWorkspace();
  });
  afterAll(() => toy.cleanup());

  it('stores provider-basis and population-basis spend per ICB (2026, default rule)', async () => {
    const result = await runBasisConversion(toy.ws);
    expect(result).toMatchObject({
      dataset: 'toy',
      vintage: '2026',
      unknownResidenceRule: 'provider-host-icb',
      rows: 9,
      costPence: 5873, // 51.50 + 6.00 + 1.23
      unknownResidenceRows: 2, // blank and ZZZ
      unknownResidenceCostPence: 750,
      conservationChecked: 3, // 2023/24 S1, 2024/25 S1, 2024/25 S2
    });
    // QA/S1: provider basis = P1's 10 + 5 − 1 + 0.50 = 14.50; population = 10 − 1 + 30 + 0.50 (ZZZ at P1) = 39.50.
    // QB/S1: provider = P2's 30 + 7 = 37; population = 5 + 7 (blank at P2) = 12. P4 has no host → UNALLOCATED.
    expect(await allocationsOf(toy.ws, '2026')).toEqual([
      { y: '2023/24', icb: 'QC', s: 'S1', pb: 0, pop: 1.23 },
      { y: '2023/24', icb: 'UNALLOCATED', s: 'S1', pb: 1.23, pop: 0 },
      { y: '2024/25', icb: 'QA', s: 'S1', pb: 14.5, pop: 39.5 },
      { y: '2024/25', icb: 'QB', s: 'S1', pb: 37, pop: 12 },
      { y: '2024/25', icb: 'QB', s: 'S2', pb: 2, pop: 2 },
      { y: '2024/25', icb: 'QC', s: 'S2', pb: 4, pop: 4 },
    ]);
  });

  it('conserves money to the penny in SQL: both bases equal sum(activity.cost) per year and service', async () => {
    await runBasisConversion(toy.ws);
    const mismatches = await toy.ws.all(
      `SELECT i.financial_year, i.service_code
       FROM (SELECT financial_year, service_code, sum(cost) AS cost FROM activity WHERE dataset = 'toy' GROUP BY ALL) i
       FULL JOIN (SELECT financial_year, service_code, sum(provider_basis_spend) AS pb, sum(population_basis_spend) AS pop
                  FROM allocation WHERE dataset = 'toy' AND vintage = '2026' GROUP BY ALL) a
         USING (financial_year, service_code)
       WHERE i.cost IS DISTINCT FROM a.pb OR i.cost IS DISTINCT FROM a.pop`,
    );
    expect(mismatches).toEqual([]);
    const flowTotal = await toy.ws.one<{ t: string }>(
      `SELECT CAST(sum(spend) AS VARCHAR) AS t FROM flow WHERE dataset = 'toy' AND vintage = '2026'`,
    );
    expect(flowTotal?.t).toBe('58.73');
  });

  it('stores out-of-area shares and provider income shares', async () => {
    await runBasisConversion(toy.ws);
    const shares = await toy.ws.all(
      `SELECT financial_year AS y, icb_code AS icb, service_code AS s, out_of_area_spend AS out, out_of_area_share AS share
       FROM out_of_area_share WHERE dataset = 'toy' AND vintage = '2026' ORDER BY y, icb, s`,
    );
    // QA/S1: 30 of 39.50 at P2 in QB. QB/S1: 5 of 12 at P1 in QA. QC 2023/24: all 1.23 at P4 (no host).
    expect(shares).toEqual([
      { y: '2023/24', icb: 'QC', s: 'S1', out: 1.23, share: 1 },
      { y: '2024/25', icb: 'QA', s: 'S1', out: 30, share: 30 / 39.5 },
      { y: '2024/25', icb: 'QB', s: 'S1', out: 5, share: 5 / 12 },
      { y: '2024/25', icb: 'QB', s: 'S2', out: 0, share: 0 },
      { y: '2024/25', icb: 'QC', s: 'S2', out: 0, share: 0 },
    ]);
    const p2 = await toy.ws.one(
      `SELECT income, income_from_outside AS outside, share_from_outside AS share FROM provider_income_share
       WHERE dataset = 'toy' AND vintage = '2026' AND provider_code = 'P2' AND service_code = 'S1'`,
    );
    // P2/S1 income 30 (QA) + 7 (blank → host QB) = 37; from outside 30.
    expect(p2).toEqual({ income: 37, outside: 30, share: 30 / 37 });
  });

  it('the unallocated rule moves unknown-residence spend to UNALLOCATED and reports it', async () => {
    const result = await runBasisConversion(toy.ws, { unknownResidenceRule: 'unallocated' });
    expect([result.unknownResidenceRows, result.unknownResidenceCostPence]).toEqual([2, 750]);
    const rows = (await allocationsOf(toy.ws, '2026')).filter((r) => r.y === '2024/25' && r.s === 'S1');
    // QA loses ZZZ's 0.50 (39.00), QB loses the blank row's 7 (5.00); UNALLOCATED holds 7.50.
    expect(rows).toEqual([
      { y: '2024/25', icb: 'QA', s: 'S1', pb: 14.5, pop: 39 },
      { y: '2024/25', icb: 'QB', s: 'S1', pb: 37, pop: 5 },
      { y: '2024/25', icb: 'UNALLOCATED', s: 'S1', pb: 0, pop: 7.5 },
    ]);
    const run = await toy.ws.one(`SELECT unknown_residence_rule AS rule, CAST(unknown_residence_cost AS VARCHAR) AS cost
      FROM run WHERE dataset = 'toy' AND vintage = '2026'`);
    expect(run).toEqual({ rule: 'unallocated', cost: '7.50' });
    await toy.ws.setSetting('unknown_residence_rule', 'unallocated');
    expect((await runBasisConversion(toy.ws)).unknownResidenceRule).toBe('unallocated');
    await toy.ws.run(`DELETE FROM setting WHERE key = 'unknown_residence_rule'`);
    await runBasisConversion(toy.ws);
  });

  it('places D1 patients in QD on the 2023 geography and in QC on 2026', async () => {
    await runBasisConversion(toy.ws, { vintage: '2023' });
    const s2 = (await allocationsOf(toy.ws, '2023')).filter((r) => r.s === 'S2');
    // 2023: the D1 patient (£4) is QD's, treated at P3 in QC: provider basis QC, population basis QD.
    expect(s2).toEqual([
      { y: '2024/25', icb: 'QB', s: 'S2', pb: 2, pop: 2 },
      { y: '2024/25', icb: 'QC', s: 'S2', pb: 4, pop: 0 },
      { y: '2024/25', icb: 'QD', s: 'S2', pb: 0, pop: 4 },
    ]);
    // The 2026 results are kept beside the 2023 ones.
    expect((await allocationsOf(toy.ws, '2026')).filter((r) => r.s === 'S2').map((r) => r.icb)).toEqual(['QB', 'QC']);
  });

  it('replaces a dataset and vintage’s earlier results rather than adding to them', async () => {
    await runBasisConversion(toy.ws);
    await runBasisConversion(toy.ws);
    const n = await toy.ws.one<{ runs: number; total: number }>(
      `SELECT (SELECT CAST(count(*) AS INTEGER) FROM run WHERE dataset = 'toy' AND vintage = '2026') AS runs,
              (SELECT CAST(sum(provider_basis_spend) AS DOUBLE) FROM allocation WHERE dataset = 'toy' AND vintage = '2026') AS total`,
    );
    expect(n).toEqual({ runs: 1, total: 58.73 });
  });

  it('rejects an unknown dataset, rule and vintage with codes naming the option, storing nothing', async () => {
    expect(await problemOf(runBasisConversion(toy.ws, { dataset: 'nope' }))).toMatchObject({
      code: 'FP_RUN_NO_ACTIVITY',
      where: { parameter: '--dataset' },
    });
    expect(await toy.ws.all(`SELECT * FROM run WHERE dataset = 'nope'`)).toEqual([]);
    expect(await problemOf(runBasisConversion(toy.ws, { unknownResidenceRule: 'drop' }))).toMatchObject({
      code: 'FP_RUN_BAD_RULE',
      where: { parameter: '--unknown-residence' },
    });
    expect(await problemOf(runBasisConversion(toy.ws, { vintage: '2019' }))).toMatchObject({
      code: 'FP_GEOGRAPHY_UNKNOWN_VINTAGE',
      where: { parameter: '--geography' },
    });
  });

  it('fails with FP_RUN_MONEY_NOT_CONSERVED when the totals disagree, and keeps the earlier results', async () => {
    await runBasisConversion(toy.ws);
    const failing = {
      name: 'duckdb',
      flowsByResidentIcbProviderService: () => Promise.reject(new Error('not used')),
      activityTotals: () => Promise.reject(new Error('not used')),
      populationBasisSpendByPod: () => Promise.reject(new Error('not used')),
      utilisationByIcbAgeSex: () => Promise.reject(new Error('not used')),
      spendByPractice: () => Promise.reject(new Error('not used')),
      servicePatientsByAgeSex: () => Promise.reject(new Error('not used')),
      servicePatientFlows: () => Promise.reject(new Error('not used')),
      serviceCostDistribution: () => Promise.reject(new Error('not used')),
      // A broken engine: writes the flows, then reports input totals a penny higher than it read.
      async writeFlows(question: Parameters<DuckDbEngine['writeFlows']>[0], ws: Workspace) {
        const totals = await new DuckDbEngine(ws).writeFlows(question, ws);
        return totals.map((t, i) => (i === 0 ? { ...t, costPence: t.costPence + 1 } : t));
      },
    };
    const problem = await problemOf(runBasisConversion(toy.ws, { engine: failing }));
    expect(problem).toMatchObject({
      code: 'FP_RUN_MONEY_NOT_CONSERVED',
      where: { parameter: 'financial_year 2023/24, service S1' },
    });
    expect((await allocationsOf(toy.ws, '2026')).length).toBe(6);
  });
});

describe('the DuckDB engine agrees with the core reference', () => {
  let toy: BasisWorkspace;
  beforeAll(async () => {
    toy = await createBasisWorkspace();
  });
  afterAll(() => toy.cleanup());

  const residence2026: Record<string, string> = {
    A1: 'QA',
    B1: 'QB',
    C1: 'QC',
    D1: 'QC',
    QA: 'QA',
    QB: 'QB',
    QC: 'QC',
    QD: 'QC',
  };
  const hosts = new Map<ProviderCode, IcbCode | null>([
    ['P1' as ProviderCode, 'QA' as IcbCode],
    ['P2' as ProviderCode, 'QB' as IcbCode],
    ['P3' as ProviderCode, 'QC' as IcbCode],
    ['P4' as ProviderCode, null],
  ]);
  const reference = (rows: ToyActivity[], rule: 'provider-host-icb' | 'unallocated') =>
    flowMatrix(
      rows.map((r) => ({
        financialYear: r.financialYear as FinancialYear,
        providerCode: r.provider as ProviderCode,
        residentIcb: ((r.residence && residence2026[r.residence]) ?? null) as IcbCode | null,
        serviceCode: r.service as ServiceCode,
        activity: r.activity,
        costPence: Math.round(Number(r.cost) * 100),
      })),
      { providerHostIcb: hosts, unknownResidenceRule: rule },
    );

  it('gives the input totals per year and service, with the unknown-residence part', async () => {
    const totals = await new DuckDbEngine(toy.ws).activityTotals('toy', '2026');
    // 2024/25 S1: six rows, 10 + 5 + 30 + 7 − 1 + 0.50 = £51.50, of which blank (£7) and ZZZ (£0.50) unknown.
    expect(totals).toEqual([
      {
        financialYear: '2023/24',
        serviceCode: 'S1',
        rows: 1,
        activity: 1,
        costPence: 123,
        unknownResidenceRows: 0,
        unknownResidenceCostPence: 0,
      },
      {
        financialYear: '2024/25',
        serviceCode: 'S1',
        rows: 6,
        activity: 9,
        costPence: 5150,
        unknownResidenceRows: 2,
        unknownResidenceCostPence: 750,
      },
      {
        financialYear: '2024/25',
        serviceCode: 'S2',
        rows: 2,
        activity: 2,
        costPence: 600,
        unknownResidenceRows: 0,
        unknownResidenceCostPence: 0,
      },
    ]);
  });

  it('on generated activity tables, flow by flow to the penny', async () => {
    const engine = new DuckDbEngine(toy.ws);
    const rowArb = fc.record({
      financialYear: fc.constantFrom('2023/24', '2024/25'),
      provider: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
      residence: fc.constantFrom('A1', 'B1', 'C1', 'D1', 'QA', 'QD', 'ZZZ', null),
      service: fc.constantFrom('S1', 'S2'),
      activity: fc.integer({ min: 0, max: 9 }),
      cost: fc.integer({ min: -50_000, max: 9_999_999 }).map((p) => (p / 100).toFixed(2)),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 25 }),
        fc.constantFrom('provider-host-icb' as const, 'unallocated' as const),
        async (rows, rule) => {
          const dataset = `parity-${run++}`;
          await insertToyActivity(toy.ws, dataset, rows);
          const flows = await engine.flowsByResidentIcbProviderService({
            dataset,
            vintage: '2026',
            unknownResidenceRule: rule,
          });
          expect(flows).toEqual(reference(rows, rule));
        },
      ),
      { seed: 42, numRuns: 25 },
    );
  });
});

describe('footprint report', () => {
  let toy: BasisWorkspace;
  beforeAll(async () => {
    toy = await createBasisWorkspace();
    await runBasisConversion(toy.ws);
  });
  afterAll(() => toy.cleanup());

  it('sums a footprint’s member ICBs, and regions', async () => {
    const south = await buildReport(toy.ws, 'allocations', { footprint: 'South', year: '2024/25' as FinancialYear });
    // South = QA + QB: S1 provider 14.50 + 37 = 51.50, population 39.50 + 12 = 51.50, nothing outside South.
    expect([...south.table.rows]).toEqual([
      {
        financialYear: '2024/25',
        footprint: 'South',
        service: 'S1',
        serviceName: 'Service One',
        providerBasisSpend: 51.5,
        populationBasisSpend: 51.5,
        outOfAreaSpend: 0,
        outOfAreaShare: 0,
      },
      {
        financialYear: '2024/25',
        footprint: 'South',
        service: 'S2',
        serviceName: 'Service Two',
        providerBasisSpend: 2,
        populationBasisSpend: 2,
        outOfAreaSpend: 0,
        outOfAreaShare: 0,
      },
    ]);
    const regions = await buildReport(toy.ws, 'allocations', { byRegion: true });
    // Y02 = QC: 2023/24 S1 population 1.23, all at P4 (no host, so outside); 2024/25 S2 at P3 in QC.
    expect([...regions.table.rows].filter((r) => r.region === 'Y02')).toEqual([
      {
        financialYear: '2023/24',
        region: 'Y02',
        regionName: 'South',
        service: 'S1',
        serviceName: 'Service One',
        providerBasisSpend: 0,
        populationBasisSpend: 1.23,
        outOfAreaSpend: 1.23,
        outOfAreaShare: 1,
      },
      {
        financialYear: '2024/25',
        region: 'Y02',
        regionName: 'South',
        service: 'S2',
        serviceName: 'Service Two',
        providerBasisSpend: 4,
        populationBasisSpend: 4,
        outOfAreaSpend: 0,
        outOfAreaShare: 0,
      },
    ]);
  });

  it('refuses an unknown ICB, footprint and a footprint of the other geography', async () => {
    expect(await problemOf(buildReport(toy.ws, 'flows', { icb: 'QZ' }))).toMatchObject({
      code: 'FP_REPORT_UNKNOWN_ICB',
      where: { parameter: '--icb' },
      received: 'QZ',
    });
    // QD exists only in 2023.
    expect((await problemOf(buildReport(toy.ws, 'allocations', { icb: 'QD' }))).code).toBe('FP_REPORT_UNKNOWN_ICB');
    expect(await problemOf(buildReport(toy.ws, 'allocations', { footprint: 'Nowhere' }))).toMatchObject({
      code: 'FP_FOOTPRINT_NOT_FOUND',
      where: { parameter: '--footprint' },
    });
    expect(await problemOf(buildReport(toy.ws, 'allocations', { footprint: 'Old D' }))).toMatchObject({
      code: 'FP_REPORT_FOOTPRINT_VINTAGE',
      where: { parameter: '--footprint' },
    });
    expect(await problemOf(buildReport(toy.ws, 'allocations', { geography: '2023' }))).toMatchObject({
      code: 'FP_RUN_NOT_RUN',
      where: { parameter: '--dataset' },
    });
    expect(await problemOf(buildReport(toy.ws, 'allocations', { icb: 'QA', footprint: 'South' }))).toMatchObject({
      code: 'FP_CLI_BAD_OPTION',
      where: { parameter: '--icb' },
    });
    expect(await problemOf(buildReport(toy.ws, 'budget', {}))).toMatchObject({
      code: 'FP_REPORT_UNKNOWN',
      where: { parameter: 'report' },
    });
  });

  it('services and reference reports', async () => {
    const services = [...(await buildReport(toy.ws, 'services', { year: '2024/25' as FinancialYear })).table.rows];
    // S1 2024/25: £51.50 from 6 rows at P1 and P2; S2: £6.00 at P2 and P3; S2 is highly specialised, S1 unknown.
    expect(services).toMatchObject([
      {
        service: 'S1',
        name: 'Service One',
        spend: 51.5,
        activityRows: 6,
        providers: 2,
        highlySpecialised: null,
        unknownResidenceSpend: 7.5,
      },
      { service: 'S2', name: 'Service Two', spend: 6, activityRows: 2, providers: 2, highlySpecialised: true },
    ]);
    const reference = [...(await buildReport(toy.ws, 'reference', {})).table.rows];
    expect(reference).toContainEqual({ item: 'ICBs', vintage: '2023', count: 4 });
    expect(reference).toContainEqual({ item: 'ICBs', vintage: '2026', count: 3 });
    expect(reference).toContainEqual({ item: 'Providers', vintage: null, count: 4 });
    expect(reference).toContainEqual({ item: 'Footprints', vintage: null, count: 2 });
  });

  describe('through the CLI', () => {
    beforeAll(() => toy.close());

    it('`footprint run` prints totals, the unknown-residence total and the conservation check', () => {
      const result = footprint(['run', '--workspace', toy.dir, '--unknown-residence', 'unallocated']);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('Total spend: £58.73');
      expect(result.stdout).toContain('Unknown residence: 2 rows, £7.50 (listed as UNALLOCATED)');
      expect(result.stdout).toContain('Money conserved');
      expect(footprint(['run', '--workspace', toy.dir]).status).toBe(0);
    });

    it('JSON report: {"rows": [...]} with the named fields, money in pounds', () => {
      const result = footprint(['report', 'allocations', '--workspace', toy.dir, '--year', '2024/25', '--icb', 'QA']);
      expect(result.status).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json.meta).toMatchObject({ dataset: 'toy', vintage: '2026', unknownResidenceRule: 'provider-host-icb' });
      expect(json.rows).toEqual([
        {
          financialYear: '2024/25',
          icb: 'QA',
          icbName: 'ICB A',
          service: 'S1',
          serviceName: 'Service One',
          providerBasisSpend: 14.5,
          populationBasisSpend: 39.5,
          outOfAreaSpend: 30,
          outOfAreaShare: 0.759494,
        },
      ]);
      const flows = JSON.parse(footprint(['report', 'flows', '--workspace', toy.dir, '--icb', 'QC']).stdout);
      // The flows of GET /api/flows, year by year: QC's residents (C1) at P4, which has no host ICB.
      expect(flows.rows[0]).toEqual({
        financialYear: '2023/24',
        residentIcb: 'QC',
        residentIcbName: 'ICB C and D',
        provider: 'P4',
        providerName: 'Provider Four',
        providerIcb: 'UNALLOCATED',
        providerIcbName: 'Not known',
        activity: 1,
        spend: 1.23,
      });
    });

    it('CSV report: same names as headers, RFC 4180 quoting', () => {
      const result = footprint([
        'report',
        'flows',
        '--workspace',
        toy.dir,
        '--format',
        'csv',
        '--year',
        '2024/25',
        '--icb',
        'QA',
      ]);
      const lines = result.stdout.split('\r\n');
      expect(lines[0]).toBe(
        'financialYear,residentIcb,residentIcbName,provider,providerName,providerIcb,providerIcbName,activity,spend',
      );
      // QA's residents at P1: A1 £10 (2), A1 −£1 (1) and ZZZ £0.50 (1, placed at P1's host QA by the default rule).
      expect(lines).toContain('2024/25,QA,ICB A,P1,"Provider One, ""North""",QA,ICB A,4,9.50');
    });

    it('XLSX report: frozen bold header, money formatted, needs --out', async () => {
      const out = join(toy.dir, 'allocations.xlsx');
      expect(
        footprint(['report', 'allocations', '--workspace', toy.dir, '--format', 'xlsx', '--out', out]).status,
      ).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      const sheet = book.getWorksheet('Allocations')!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(6).value).toBe('Provider-basis spend');
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.getRow(2).getCell(7).value).toBe(1.23);
      expect(sheet.getRow(2).getCell(7).numFmt).toBe('£#,##0.00');
      expect(sheet.getColumn(6).width).toBeGreaterThan(10);

      const missing = footprint(['report', 'allocations', '--workspace', toy.dir, '--format', 'xlsx']);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('FP_CLI_BAD_OPTION');
      expect(missing.stderr).toContain('parameter --out');
      const bad = footprint(['report', 'allocations', '--workspace', toy.dir, '--format', 'pdf']);
      expect(bad.stderr).toContain('FP_REPORT_BAD_FORMAT');
      expect(existsSync(out) && readFileSync(out).length > 0).toBe(true);
    });

    it('an unknown ICB is a clear error, not a stack trace', () => {
      const result = footprint(['report', 'flows', '--workspace', toy.dir, '--icb', 'QZ']);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('FP_REPORT_UNKNOWN_ICB');
      expect(result.stderr).not.toContain('    at ');
    });
  });
});
