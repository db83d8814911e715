// The synthetic generator on a workspace loaded with the real reference data: byte-identical output for
// a seed (CSV and Parquet), national totals on the calibration targets, flows that cross ICB boundaries,
// blank residences, the CLI's option errors and the calibration report.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrateFlows, generatorFlowFit } from '../../../src/data/generate/calibrate-flows.ts';
import { generateActivity } from '../../../src/data/generate/generate-activity.ts';
import { readGeneratorAssumptions } from '../../../src/data/generate/generator-inputs.ts';
import { loadReference } from '../../../src/data/reference/load-reference.ts';
import { openWorkspace, type Workspace } from '../../../src/data/workspace.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const ROWS = 50_000;

let dir: string;
let ws: Workspace;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footprint-generate-'));
  ws = await openWorkspace(join(dir, 'ws'), { create: true });
  await loadReference(ws);
  await generateActivity(ws, { rows: ROWS, seed: 11, out: file('a.csv') });
  await generateActivity(ws, { rows: ROWS, seed: 11, out: file('b.csv') });
  await generateActivity(ws, { rows: ROWS, seed: 12, out: file('c.csv') });
  await generateActivity(ws, { rows: ROWS, seed: 11, out: file('a.parquet') });
  await generateActivity(ws, { rows: ROWS, seed: 11, out: file('b.parquet') });
});

afterAll(() => {
  ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

const csv = (name: string) => `read_csv('${file(name)}', header = true, all_varchar = true)`;

describe('generateActivity on the real reference data', () => {
  it('same seed → byte-identical CSV and Parquet; a different seed → a different file', () => {
    expect(readFileSync(file('a.csv')).equals(readFileSync(file('b.csv')))).toBe(true);
    expect(readFileSync(file('a.parquet')).equals(readFileSync(file('b.parquet')))).toBe(true);
    expect(readFileSync(file('a.csv')).equals(readFileSync(file('c.csv')))).toBe(false);
  });

  it('writes the import schema with the requested number of rows, and Parquet holds the same rows', async () => {
    const header = readFileSync(file('a.csv'), 'utf8').split('\n', 1)[0];
    expect(header).toBe(
      'financial_year,month,provider_code,residence_code,service_code,pod,age_band,sex,activity,cost,patients,gp_practice_code',
    );
    const counts = await ws.one<{ n: number; same: number }>(`
      SELECT CAST(count(*) AS INTEGER) AS n,
        CAST((SELECT count(*) FROM (SELECT * FROM ${csv('a.csv')} EXCEPT ALL
          SELECT financial_year, CAST(month AS VARCHAR), provider_code, residence_code, service_code, pod,
            age_band, sex, CAST(activity AS VARCHAR), CAST(cost AS VARCHAR), CAST(patients AS VARCHAR), gp_practice_code
          FROM read_parquet('${file('a.parquet')}'))) AS INTEGER) AS same
      FROM ${csv('a.csv')}`);
    expect(counts).toEqual({ n: ROWS, same: 0 });
  });

  it('every code is in the reference data and every cost has two decimals', async () => {
    const bad = await ws.one<{ provider: number; residence: number; service: number; cost: number }>(`
      SELECT
        CAST(count(*) FILTER (WHERE provider_code NOT IN (SELECT provider_code FROM provider)) AS INTEGER) AS provider,
        CAST(count(*) FILTER (WHERE residence_code IS NOT NULL AND upper(residence_code) NOT IN (SELECT code FROM residence_map)) AS INTEGER) AS residence,
        CAST(count(*) FILTER (WHERE service_code NOT IN (SELECT service_code FROM service WHERE is_current)) AS INTEGER) AS service,
        CAST(count(*) FILTER (WHERE NOT regexp_matches(cost, '^\\d+\\.\\d\\d$')) AS INTEGER) AS cost
      FROM ${csv('a.csv')}`);
    expect(bad).toEqual({ provider: 0, residence: 0, service: 0, cost: 0 });
  });

  it('every row with a residence carries a GP practice of that area; places get spend', async () => {
    const practice = await ws.one<{ rows: number; without: number; elsewhere: number }>(`
      SELECT CAST(count(*) AS INTEGER) AS rows,
        CAST(count(*) FILTER (WHERE gp_practice_code IS NULL) AS INTEGER) AS without,
        CAST(count(*) FILTER (WHERE g.practice_code IS NULL OR m.icb_2026 <> s.icb_code) AS INTEGER) AS elsewhere
      FROM ${csv('a.csv')} a
      JOIN residence_map m ON m.code = upper(a.residence_code)
      LEFT JOIN gp_practice g ON g.practice_code = a.gp_practice_code
      LEFT JOIN sub_icb s ON s.vintage = '2026' AND s.sub_icb_code = g.sub_icb_code`);
    expect(practice!.rows).toBeGreaterThan(0.9 * ROWS);
    expect(practice).toMatchObject({ without: 0, elsewhere: 0 });
  });

  it("providers vary by service, the big tertiary and children's trusts all have activity, rare services are small", async () => {
    const perService = await ws.all<{ n: number }>(`
      SELECT CAST(count(DISTINCT provider_code) AS INTEGER) AS n FROM ${csv('a.csv')} GROUP BY service_code`);
    expect(new Set(perService.map((r) => r.n)).size).toBeGreaterThan(15);
    // Great Ormond Street, The Christie, Sheffield Teaching, Sheffield Children's, Alder Hey, Birmingham
    // Children's, The Royal Marsden: named by the issue, and designated in the assumptions.
    const named = ['RP4', 'RBV', 'RHQ', 'RCU', 'RBS', 'RQ3', 'RPY'];
    const active = await ws.all<{ code: string }>(
      `SELECT DISTINCT provider_code AS code FROM ${csv('a.csv')} WHERE provider_code IN (${named.map((c) => `'${c}'`).join(', ')}) ORDER BY code`,
    );
    expect(active.map((r) => r.code)).toEqual([...named].sort());
    // Every service the assumptions give a national volume worth £300m or more lands near its patients a
    // year (base year; at 50,000 rows a row carries about £1.6m, so one row of cheap outpatient units can
    // hold thousands of patients: smaller services are left to sampling noise).
    const a = readGeneratorAssumptions();
    const rows = await ws.all<{ name: string; patients: number }>(`
      SELECT s.name, sum(CAST(patients AS INTEGER))::DOUBLE AS patients FROM ${csv('a.csv')} a
      JOIN service s ON s.is_current AND s.service_code = a.service_code
      WHERE financial_year = '2023/24' GROUP BY ALL`);
    const volumeOf = (name: string) =>
      a.serviceRules.find((r) => r.assign.volume && new RegExp(r.match.name ?? '', 'i').test(name))?.assign.volume;
    const spendOf = (name: string) => volumeOf(name)!.patients.value * volumeOf(name)!.costPerPatient.value;
    const checked = rows.filter((r) => volumeOf(r.name) && spendOf(r.name) >= 300e6);
    expect(checked.length).toBeGreaterThan(10);
    for (const r of checked) {
      expect({ name: r.name, ratio: r.patients / volumeOf(r.name)!.patients.value }).toMatchObject({
        ratio: expect.toSatisfy((x: number) => x > 0.7 && x < 1.3),
      });
    }
  });

  it("children's hospitals give children's services, no neonatal critical care and nothing for adults only", async () => {
    const hospitals = readGeneratorAssumptions()
      .childrensHospitals!.providers.map((c) => `'${c}'`)
      .join(', ');
    const rows = await ws.all<{ name: string }>(`
      SELECT DISTINCT s.name FROM ${csv('a.csv')} a JOIN service s ON s.is_current AND s.service_code = a.service_code
      WHERE a.provider_code IN (${hospitals}) ORDER BY s.name`);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((r) => /neonatal|^adult/i.test(r.name))).toEqual([]);
    const neonatal = await ws.one<{ n: number }>(`
      SELECT CAST(count(*) AS INTEGER) AS n FROM ${csv('a.csv')} WHERE service_code = 'LOCAL-NEONATAL-CRITICAL-CARE'`);
    expect(neonatal!.n).toBeGreaterThan(0);
  });

  it('national spend per year is within 5% of the target and high-cost drugs are about a fifth', async () => {
    const a = readGeneratorAssumptions();
    const target = (years: number) =>
      a.calibration.specialisedSpend.value * (1 + a.calibration.annualGrowth.value) ** years;
    const rows = await ws.all<{ year: string; spend: number; hcd: number }>(`
      SELECT financial_year AS year, sum(CAST(cost AS DECIMAL(18,2)))::DOUBLE AS spend,
        (sum(CAST(cost AS DECIMAL(18,2))) FILTER (WHERE pod = 'HCD'))::DOUBLE AS hcd
      FROM ${csv('a.csv')} GROUP BY ALL ORDER BY year`);
    expect(rows.map((r) => r.year)).toEqual(['2023/24', '2024/25', '2025/26']);
    rows.forEach((r, i) => {
      expect(Math.abs(r.spend / target(i) - 1)).toBeLessThan(0.05);
      expect(Math.abs(r.hcd / r.spend - a.calibration.hcdShare.value)).toBeLessThan(0.03);
    });
  });

  it('London providers import patients from outside their ICBs, and some rows have no residence', async () => {
    const london = await ws.one<{ share: number }>(`
      SELECT (sum(CAST(a.cost AS DOUBLE)) FILTER (WHERE m.icb_2026 <> p.host_icb) / sum(CAST(a.cost AS DOUBLE))) AS share
      FROM ${csv('a.csv')} a
      JOIN provider p ON p.provider_code = a.provider_code
      JOIN icb i ON i.vintage = '2026' AND i.icb_code = p.host_icb AND i.name ILIKE '%london%'
      JOIN residence_map m ON m.code = upper(a.residence_code)`);
    expect(london!.share).toBeGreaterThan(0.2);
    const blank = await ws.one<{ share: number }>(
      `SELECT avg(CASE WHEN residence_code IS NULL OR residence_code = '' THEN 1 ELSE 0 END)::DOUBLE AS share FROM ${csv('a.csv')}`,
    );
    expect(blank!.share).toBeGreaterThan(0.005);
    expect(blank!.share).toBeLessThan(0.03);
  });

  it('the calibration report compares modelled with real RTT flows', async () => {
    const report = await calibrateFlows(ws, { exponents: [1, 3, 4.5], offsetsKm: [10] });
    expect(report.pathways.total).toBe(288434);
    expect(report.pathways.compared).toBeGreaterThan(0.95 * report.pathways.total);
    expect(report.electiveModel.byIcb).toHaveLength(36);
    expect(report.electiveModel.providerShareCorrelation).toBeGreaterThan(0.5);
    expect(report.electiveModel.outOfAreaMeanAbsoluteDifference).toBeLessThan(0.2);
  });
});

describe('flow calibration (the test that fails when calibration regresses)', () => {
  it("per-ICB in-ICB shares follow the benchmark RTT flows within the assumptions' bounds", async () => {
    const a = readGeneratorAssumptions();
    const fit = await generatorFlowFit(ws);
    expect(fit.byIcb).toHaveLength(36);
    expect(fit.inIcbCorrelation).toBeGreaterThanOrEqual(a.calibration.minimumInIcbCorrelation.value);
    expect(Math.abs(fit.nationalInIcb.synthetic - fit.nationalInIcb.real)).toBeLessThanOrEqual(
      a.calibration.maximumInIcbShareGap.value,
    );
    // South Yorkshire, the issue's example, keeps most of its residents' care at home.
    const southYorkshire = fit.byIcb.find((r) => r.icb === 'QF7')!;
    expect(1 - southYorkshire.synthetic).toBeGreaterThan(0.75);
  });
});

describe('generateActivity on a workspace without reference data', () => {
  it('fails with FP_GENERATE_NO_MODEL_INPUT naming the first missing table', async () => {
    const empty = await openWorkspace(join(dir, 'empty'), { create: true });
    try {
      await expect(generateActivity(empty, { rows: 10, seed: 1, out: file('empty.csv') })).rejects.toMatchObject({
        problem: { code: 'FP_GENERATE_NO_MODEL_INPUT', where: { file: empty.file, field: 'sub_icb (2026)' } },
      });
    } finally {
      empty.close();
    }
  });
});

describe('footprint generate (command line)', () => {
  const footprint = (args: string[]) =>
    spawnSync(process.execPath, [tsx, join(root, 'src/cli/main.ts'), 'generate', ...args], { encoding: 'utf8' });

  it.each([
    [['--rows', '0', '--out', 'x.csv'], '--rows'],
    [['--rows', 'ten', '--out', 'x.csv'], '--rows'],
    [['--rows', '10', '--seed', '1.5', '--out', 'x.csv'], '--seed'],
    [['--rows', '10', '--out', 'x.json'], '--out'],
  ])('%j → FP_GENERATE_BAD_OPTION naming %s, exit 1', (args, option) => {
    const result = footprint([...args, '--workspace', join(dir, 'ws')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('FP_GENERATE_BAD_OPTION');
    expect(result.stderr).toContain(`parameter ${option}`);
  });

  it('writes a file and says how many rows and the total cost', () => {
    ws.close();
    try {
      const result = footprint([
        '--rows',
        '1000',
        '--seed',
        '3',
        '--out',
        file('cli.csv'),
        '--workspace',
        join(dir, 'ws'),
      ]);
      expect(result.stderr).not.toContain('FP_');
      expect(result.stdout).toMatch(/Wrote 1,000 rows to .*cli\.csv \(total cost £\d{1,3}(,\d{3})*\.\d\d\)/);
    } finally {
      ws = undefined as unknown as Workspace;
    }
  });
});
