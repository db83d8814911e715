// Loads the real shipped reference data into a temporary workspace once and checks what the product
// relies on: counts per vintage, population totals, the residence map, provider locations, footprints,
// the services catalogue, and that loading again changes nothing.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FootprintError } from '../../src/core/errors.ts';
import { addFootprint, listFootprints, removeFootprint } from '../../src/data/footprints.ts';
import { listCurrentServices } from '../../src/data/queries/services-catalogue.ts';
import { importServices } from '../../src/data/reference/import-services.ts';
import { loadReference, type ReferenceSummary } from '../../src/data/reference/load-reference.ts';
import { openWorkspace, type Workspace } from '../../src/data/workspace.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'services');

async function problemOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FootprintError) return error.problem;
    throw error;
  }
  throw new Error('expected a FootprintError');
}

/** Every reference table's rows, in a fixed order, without load timestamps. */
async function snapshot(ws: Workspace): Promise<string> {
  const tables = [
    'region',
    'icb',
    'sub_icb',
    'residence_map',
    'gp_practice',
    'population',
    'weighted_population',
    'provider',
    'service',
    'service_delegation',
    'service_line',
    'footprint',
    'footprint_member',
  ];
  const parts: unknown[] = [];
  for (const table of tables) parts.push(table, await ws.all(`SELECT * FROM ${table} ORDER BY ALL`));
  parts.push(await ws.all('SELECT path, rows_loaded, sha256 FROM reference_file ORDER BY path'));
  return JSON.stringify(parts);
}

describe('loadReference on the shipped data', () => {
  let ws: Workspace;
  let summary: ReferenceSummary;
  const count = async (sql: string, params?: (string | number)[]) =>
    (await ws.one<{ n: number }>(sql, params))?.n ?? Number.NaN;

  beforeAll(async () => {
    ws = await openWorkspace(mkdtempSync(join(tmpdir(), 'footprint-reference-')), { create: true });
    summary = await loadReference(ws);
  });
  afterAll(() => ws?.close());

  it('loads both geography vintages', async () => {
    const byVintage = await ws.all<{ vintage: string; regions: number; icbs: number; subIcbs: number }>(`
      SELECT v.vintage,
        (SELECT CAST(count(*) AS INTEGER) FROM region r WHERE r.vintage = v.vintage) AS regions,
        (SELECT CAST(count(*) AS INTEGER) FROM icb i WHERE i.vintage = v.vintage) AS icbs,
        (SELECT CAST(count(*) AS INTEGER) FROM sub_icb s WHERE s.vintage = v.vintage) AS "subIcbs"
      FROM (VALUES ('2023'), ('2026')) v(vintage) ORDER BY v.vintage`);
    expect(byVintage).toEqual([
      { vintage: '2023', regions: 7, icbs: 42, subIcbs: 106 },
      { vintage: '2026', regions: 7, icbs: 36, subIcbs: 106 },
    ]);
    // April 2023 recode: Surrey Heartlands and Sussex carry their 2023 ONS codes.
    const recoded = await ws.all(
      "SELECT icb_code, icb_ons_code FROM icb WHERE vintage = '2023' AND icb_code IN ('QXU', 'QNX') ORDER BY icb_code",
    );
    expect(recoded).toEqual([
      { icb_code: 'QNX', icb_ons_code: 'E54000064' },
      { icb_code: 'QXU', icb_ons_code: 'E54000063' },
    ]);
    // Every sub-ICB points at an ICB of its own vintage.
    expect(
      await count(`SELECT CAST(count(*) AS INTEGER) AS n FROM sub_icb s
        LEFT JOIN icb i ON i.vintage = s.vintage AND i.icb_code = s.icb_code WHERE i.icb_code IS NULL`),
    ).toBe(0);
  });

  it("sums England's GP-registered population to the published 63,237,908 at every level", async () => {
    const totals = await ws.all<{ area_type: string; persons: number }>(
      'SELECT area_type, CAST(sum(persons) AS DOUBLE) AS persons FROM population GROUP BY area_type ORDER BY area_type',
    );
    expect(totals).toEqual([
      { area_type: 'icb', persons: 63_237_908 },
      { area_type: 'region', persons: 63_237_908 },
      { area_type: 'sub-icb', persons: 63_237_908 },
    ]);
    expect(summary.englandPopulation).toBe(63_237_908);
    expect(await count('SELECT CAST(count(DISTINCT age_band) AS INTEGER) AS n FROM population')).toBe(19);
    expect(await count("SELECT CAST(count(*) AS INTEGER) AS n FROM population WHERE sex NOT IN ('M', 'F')")).toBe(0);
  });

  it("makes every sub-ICB's population by band and sex add up to its ICB's", async () => {
    const mismatches = await count(`
      WITH sub AS (
        SELECT s.icb_code, p.sex, p.age_band, sum(p.persons) AS persons
        FROM population p JOIN sub_icb s ON s.vintage = '2026' AND s.sub_icb_code = p.area_code
        WHERE p.area_type = 'sub-icb' GROUP BY ALL
      )
      SELECT CAST(count(*) AS INTEGER) AS n
      FROM population i FULL JOIN sub ON sub.icb_code = i.area_code AND sub.sex = i.sex AND sub.age_band = i.age_band
      WHERE (i.area_type = 'icb' OR i.area_type IS NULL) AND coalesce(i.persons, -1) <> coalesce(sub.persons, -2)`);
    expect(mismatches).toBe(0);
  });

  it('maps every 2023 ICB and sub-ICB code, ODS and ONS, to a 2026 ICB', async () => {
    const unmapped = await ws.all(`
      SELECT code FROM (
        SELECT icb_code AS code FROM icb WHERE vintage = '2023' UNION SELECT icb_ons_code FROM icb WHERE vintage = '2023'
        UNION SELECT sub_icb_code FROM sub_icb WHERE vintage = '2023'
        UNION SELECT sub_icb_ons_code FROM sub_icb WHERE vintage = '2023'
      ) c
      WHERE code NOT IN (
        SELECT r.code FROM residence_map r JOIN icb i ON i.vintage = '2026' AND i.icb_code = r.icb_2026
      )`);
    expect(unmapped).toEqual([]);
    // And every 2026 code back to a 2023 ICB.
    expect(
      await count(`SELECT CAST(count(*) AS INTEGER) AS n FROM sub_icb s WHERE s.vintage = '2026' AND s.sub_icb_ons_code NOT IN (
        SELECT r.code FROM residence_map r JOIN icb i ON i.vintage = '2023' AND i.icb_code = r.icb_2023)`),
    ).toBe(0);
  });

  it("sends Frimley's old codes to the 2026 ICB that took most of its patients", async () => {
    // Frimley's practices went to Thames Valley (≈493k), Hampshire and IoW (≈195k), Surrey and Sussex (≈156k).
    const frimley = await ws.all(
      "SELECT code, icb_2026, icb_2023, method FROM residence_map WHERE code IN ('QNQ', 'E54000034', 'D4U1Y', 'E38000252') ORDER BY code",
    );
    expect(frimley).toEqual(
      ['D4U1Y', 'E38000252', 'E54000034', 'QNQ'].map((code) => ({
        code,
        icb_2026: 'S0E4D',
        icb_2023: 'QNQ',
        method: 'largest-share-of-practice-population',
      })),
    );
    // The 2022 codes of Surrey Heartlands, and a 2026 sub-ICB created from Frimley, map both ways.
    expect(await ws.one("SELECT icb_2023, icb_2026 FROM residence_map WHERE code = 'E54000052'")).toEqual({
      icb_2023: 'QXU',
      icb_2026: 'S9B9J',
    });
    expect(await ws.one("SELECT icb_2023, icb_2026 FROM residence_map WHERE code = 'E38000268'")).toEqual({
      icb_2023: 'QNQ',
      icb_2026: 'S0E4D',
    });
  });

  it('places every open provider in England inside England with a host ICB', async () => {
    const misplaced = await ws.all(`
      SELECT provider_code FROM provider
      WHERE close_date IS NULL AND provider_code NOT IN ('RQF', 'RT4', 'RYT')
        AND (host_icb NOT IN (SELECT icb_code FROM icb WHERE vintage = '2026')
          OR host_icb_2023 NOT IN (SELECT icb_code FROM icb WHERE vintage = '2023')
          OR host_icb IS NULL OR host_icb_2023 IS NULL
          OR latitude IS NULL OR latitude NOT BETWEEN 49.8 AND 55.9 OR longitude NOT BETWEEN -6.5 AND 1.8)`);
    expect(misplaced).toEqual([]);
    // The three Welsh trusts have no English practices near them and are reported, not guessed.
    expect(summary.providers.withoutLocation).toEqual(['RQF', 'RT4', 'RYT']);
    expect(summary.providers).toMatchObject({ nhsTrusts: 274, independentSector: 382 });
    // Guy's and St Thomas' (SE1 9RT, ETR geography QKK) sits in South East London.
    const guys = await ws.one<{ host_icb: string; latitude: number; longitude: number }>(
      "SELECT host_icb, latitude, longitude FROM provider WHERE provider_code = 'RJ1'",
    );
    expect(guys?.host_icb).toBe('QKK');
    expect(guys?.latitude).toBeCloseTo(51.5, 1);
    expect(guys?.longitude).toBeCloseTo(-0.09, 1);
  });

  it('has the standard footprints, with South London = QKK + QWE', async () => {
    const footprints = await listFootprints(ws);
    expect(footprints.filter((f) => f.kind === 'icb')).toHaveLength(36);
    expect(footprints.filter((f) => f.kind === 'region')).toHaveLength(7);
    expect(footprints.find((f) => f.name === 'South London')).toMatchObject({ kind: 'group', icbs: ['QKK', 'QWE'] });
    // Every 2026 ICB is in exactly one region footprint and one genomic laboratory hub.
    const regionMembers = footprints.filter((f) => f.kind === 'region').flatMap((f) => f.icbs);
    expect(new Set(regionMembers).size).toBe(36);
    expect(regionMembers).toHaveLength(36);
    const hubMembers = footprints.filter((f) => f.name.endsWith('Genomic Laboratory Hub')).flatMap((f) => f.icbs);
    expect(new Set(hubMembers).size).toBe(36);
  });

  it('adds, lists and removes user footprints, refusing bad ones with codes that say why', async () => {
    const added = await addFootprint(ws, 'South Coast', ['qrl', 'S9B9J'], 'test');
    expect(added.icbs).toEqual(['QRL', 'S9B9J']);
    expect((await listFootprints(ws)).find((f) => f.name === 'South Coast')).toMatchObject({ kind: 'user' });
    expect(await problemOf(addFootprint(ws, 'south coast', ['QRL']))).toMatchObject({
      code: 'FP_FOOTPRINT_EXISTS',
      where: { parameter: 'NAME' },
    });
    expect(await problemOf(addFootprint(ws, 'Old Frimley', ['QRL', 'QNQ']))).toMatchObject({
      code: 'FP_FOOTPRINT_UNKNOWN_ICB',
      where: { parameter: 'ICB' },
      received: 'QNQ',
    });
    expect(await problemOf(addFootprint(ws, 'Bad/Name', ['QRL']))).toMatchObject({
      code: 'FP_FOOTPRINT_BAD_NAME',
      where: { parameter: 'NAME' },
    });
    expect(await problemOf(removeFootprint(ws, 'London'))).toMatchObject({
      code: 'FP_FOOTPRINT_NOT_USER',
      where: { parameter: 'NAME' },
    });
    expect(await problemOf(removeFootprint(ws, 'Nowhere'))).toMatchObject({ code: 'FP_FOOTPRINT_NOT_FOUND' });
    await removeFootprint(ws, 'South Coast');
    expect((await listFootprints(ws)).some((f) => f.name === 'South Coast')).toBe(false);
  });

  it('loads the 75-row shipped catalogue with unknowns as NULL, not false', async () => {
    expect(await count('SELECT CAST(count(*) AS INTEGER) AS n FROM service WHERE is_current')).toBe(75);
    // README counts: highly_specialised 4 Y, 20 N, 51 blank; delegated_2023 20 Y, 22 N, 33 blank.
    const flags = await ws.all(`
      SELECT CAST(count(*) FILTER (WHERE highly_specialised) AS INTEGER) AS y,
        CAST(count(*) FILTER (WHERE NOT highly_specialised) AS INTEGER) AS n,
        CAST(count(*) FILTER (WHERE highly_specialised IS NULL) AS INTEGER) AS unknown
      FROM service WHERE is_current`);
    expect(flags).toEqual([{ y: 4, n: 20, unknown: 51 }]);
    const delegation = await ws.all(`
      SELECT financial_year, CAST(count(*) FILTER (WHERE delegated) AS INTEGER) AS y,
        CAST(count(*) FILTER (WHERE NOT delegated) AS INTEGER) AS n,
        CAST(count(*) FILTER (WHERE delegated IS NULL) AS INTEGER) AS unknown
      FROM service_delegation GROUP BY financial_year ORDER BY financial_year`);
    expect(delegation).toEqual([
      { financial_year: '2023/24', y: 20, n: 22, unknown: 33 },
      { financial_year: '2025/26', y: 21, n: 0, unknown: 54 },
    ]);
  });

  it('reloads to exactly the same tables', async () => {
    const before = await snapshot(ws);
    const again = await loadReference(ws);
    expect(await snapshot(ws)).toBe(before);
    expect(again.seconds).toBeLessThan(30);
  });

  it('imports the official layout as a new catalogue version, keeping history and surviving a reload', async () => {
    const result = await importServices(ws, join(fixtures, 'official-layout-sample.csv'));
    // Five rows, one not current (IS_CURRENT N) and skipped; '2' replaces the shipped row; three are new.
    expect(result).toEqual({
      catalogueVersion: 2,
      layout: 'nhs-england-official',
      services: 4,
      replaced: 1,
      added: 3,
      currentServices: 78,
      // The sample has no column per ICB or region, so no area statuses.
      areaStatuses: 0,
    });
    const history = await ws.all(
      "SELECT catalogue_version, is_current FROM service WHERE service_code = '2' ORDER BY catalogue_version",
    );
    expect(history).toEqual([
      { catalogue_version: 1, is_current: false },
      { catalogue_version: 2, is_current: true },
    ]);
    const current = await listCurrentServices(ws);
    expect(current.find((s) => s.serviceCode === 'FIX02')).toMatchObject({
      programmeOfCare: 'Trauma',
      highlySpecialised: false,
      delegated2024: false,
      delegated2025: true,
      delegated2023: null,
    });
    expect(current.find((s) => s.serviceCode === 'FIX03')).toMatchObject({
      highlySpecialised: null,
      delegated2025: null,
    });

    const bad = await problemOf(importServices(ws, join(fixtures, 'bad-flag.csv')));
    expect(bad).toMatchObject({
      code: 'FP_SERVICES_BAD_FILE',
      where: { row: 2, field: '2025/26_ICB_Delegation_Status' },
      received: 'Perhaps',
    });
    expect(await count('SELECT CAST(max(catalogue_version) AS INTEGER) AS n FROM catalogue_version')).toBe(2);

    await loadReference(ws);
    expect(await count('SELECT CAST(count(*) AS INTEGER) AS n FROM service WHERE is_current')).toBe(78);
    expect(
      await count("SELECT CAST(count(*) AS INTEGER) AS n FROM service WHERE service_code = '2' AND is_current"),
    ).toBe(1);
  });

  it('imports the same table from an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Delegation status');
    for (const line of readFileSync(join(fixtures, 'official-layout-sample.csv'), 'utf8').trim().split('\n')) {
      sheet.addRow(line.split(','));
    }
    const file = join(mkdtempSync(join(tmpdir(), 'footprint-services-')), 'official.xlsx');
    await workbook.xlsx.writeFile(file);
    // The same four current rows again: all replace version 2's, none is new.
    expect(await importServices(ws, file)).toMatchObject({ catalogueVersion: 3, services: 4, replaced: 4, added: 0 });
    expect(await count('SELECT CAST(count(*) AS INTEGER) AS n FROM service WHERE is_current')).toBe(78);
  });
});

describe('loadReference with a broken reference folder', () => {
  it('names the file and column when a reference file lacks a column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'footprint-badref-'));
    cpSync(join(import.meta.dirname, '..', '..', 'data', 'reference'), join(dir, 'ref'), { recursive: true });
    const list = join(dir, 'ref', 'geography', 'icb_list_2026-08.csv');
    writeFileSync(list, readFileSync(list, 'utf8').replace('ICB_ODS_CODE', 'ICB_CODE_ODS'));
    const ws = await openWorkspace(join(dir, 'ws'), { create: true });
    try {
      const problem = await problemOf(loadReference(ws, { referenceDir: join(dir, 'ref') }));
      expect(problem).toMatchObject({ code: 'FP_REFERENCE_BAD_FILE', where: { file: list, field: 'ICB_ODS_CODE' } });
      // Nothing was written.
      expect(await ws.one('SELECT CAST(count(*) AS INTEGER) AS n FROM icb')).toEqual({ n: 0 });
    } finally {
      ws.close();
    }
  });

  it('names the missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'footprint-noref-'));
    mkdirSync(join(dir, 'ref'));
    const ws = await openWorkspace(join(dir, 'ws'), { create: true });
    try {
      const problem = await problemOf(loadReference(ws, { referenceDir: join(dir, 'ref') }));
      expect(problem.code).toBe('FP_REFERENCE_FILE_MISSING');
      expect(problem.where?.file).toContain('loc22_icb22_nhser22_lookup_2022-07.csv');
    } finally {
      ws.close();
    }
  });
});
