// Places, neighbourhoods, practice-coded activity, place groupings, the networks register, the
// triangulation report and the wiring diagram, on a real workspace (England reference data and a small
// synthetic activity table).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FootprintError } from '../../../src/core/errors.ts';
import type { FinancialYear } from '../../../src/core/units.ts';
import { importActivity } from '../../../src/data/import/import-activity.ts';
import { initWorkspace } from '../../../src/data/init-workspace.ts';
import { addNetwork, listNetworks, networkFlows, removeNetwork } from '../../../src/data/networks/networks.ts';
import { footprintWiring } from '../../../src/data/networks/wiring.ts';
import { icbPlaces } from '../../../src/data/places/icb-places.ts';
import { addPlaceGrouping, listPlaceGroupings, removePlaceGrouping } from '../../../src/data/places/place-groupings.ts';
import { buildReport } from '../../../src/data/reports/index.ts';
import type { Workspace } from '../../../src/data/workspace.ts';

let ws: Workspace;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footprint-places-'));
  ws = await initWorkspace({ dir, activityRows: 20_000 });
});

afterAll(() => ws.close());

async function failure(work: Promise<unknown>): Promise<FootprintError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof FootprintError) return error;
    throw error;
  }
  throw new Error('expected a FootprintError');
}

const practicesOf = async (icb: string, lad: string) =>
  (
    await ws.all<{ code: string }>(
      'SELECT practice_code AS code FROM gp_practice WHERE icb_code = $1 AND lad_name = $2 ORDER BY practice_code',
      [icb, lad],
    )
  ).map((r) => r.code);

describe('places and neighbourhoods of South West London (QWE)', () => {
  it('makes the local authority places and the PCN neighbourhoods, adding up to the ICB', async () => {
    const answer = await icbPlaces(ws, { icb: 'qwe' });
    // The August 2026 practice map puts QWE's practices in seven districts, one Lambeth practice among them.
    expect(answer.places.map((p) => p.name)).toEqual([
      'Croydon',
      'Kingston upon Thames',
      'Lambeth',
      'Merton',
      'Richmond upon Thames',
      'Sutton',
      'Wandsworth',
    ]);
    const registered = await ws.one<{ n: number }>(
      "SELECT CAST(sum(persons) AS DOUBLE) AS n FROM population WHERE area_type = 'icb' AND area_code = 'QWE'",
    );
    expect(answer.population).toBe(registered!.n);
    const sum = (areas: { population: number }[]) => areas.reduce((s, a) => s + a.population, 0);
    expect(sum(answer.places)).toBeCloseTo(registered!.n, 3);
    expect(sum(answer.neighbourhoods)).toBeCloseTo(registered!.n, 3);
    const practices = await ws.one<{ n: number }>(
      "SELECT CAST(count(*) AS INTEGER) AS n FROM gp_practice WHERE icb_code = 'QWE'",
    );
    expect(answer.places.flatMap((p) => p.practices)).toHaveLength(practices!.n);
    expect(answer.neighbourhoods.flatMap((p) => p.practices)).toHaveLength(practices!.n);
    // A place of one practice is far below 250,000: flagged, still there.
    expect(answer.places.find((p) => p.name === 'Lambeth')!.sizeFlag).toBe('below-usual-size');
    expect(answer.places[0]!.ageSex).toHaveLength(38);
    expect(answer.practiceCoded).toBeNull();
  });

  it('refuses an unknown ICB', async () => {
    const error = await failure(icbPlaces(ws, { icb: 'ZZZ' }));
    expect(error.code).toBe('FP_REPORT_UNKNOWN_ICB');
    expect(error.problem.where).toEqual({ parameter: 'icb' });
  });
});

describe('activity carrying a GP practice code', () => {
  let service: string;
  let croydon: string[];
  let sutton: string[];

  beforeAll(async () => {
    service = (await ws.one<{ code: string }>('SELECT min(service_code) AS code FROM service WHERE is_current'))!.code;
    croydon = await practicesOf('QWE', 'Croydon');
    sutton = await practicesOf('QWE', 'Sutton');
  });

  const header = 'financial_year,provider_code,residence_code,service_code,pod,activity,cost,gp_practice_code';

  it('rolls up to places and neighbourhoods', async () => {
    const file = join(dir, 'practice.csv');
    // By hand: Croydon £100.00 + £50.50 = £150.50 (activity 3); Sutton £20.00 (activity 1); the lower-case
    // code is stored upper case.
    writeFileSync(
      file,
      [
        header,
        `2025/26,RJ7,36L,${service},APC_EL,1,100.00,${croydon[0]}`,
        `2025/26,RJ7,36L,${service},APC_EL,2,50.50,${croydon[1]!.toLowerCase()}`,
        `2025/26,RJ7,36L,${service},OP_FIRST,1,20.00,${sutton[0]}`,
        `2025/26,RJ7,36L,${service},OP_FIRST,4,9.00,`,
      ].join('\n'),
    );
    const summary = await importActivity(ws, { file, dataset: 'practice-coded' });
    expect(summary.accepted).toBe(4);
    const answer = await icbPlaces(ws, {
      icb: 'QWE',
      dataset: 'practice-coded',
      financialYear: '2025/26' as FinancialYear,
    });
    const place = (name: string) => answer.places.find((p) => p.name === name)!;
    expect([place('Croydon').spend, place('Croydon').activity]).toEqual([150.5, 3]);
    expect([place('Sutton').spend, place('Sutton').activity]).toEqual([20, 1]);
    expect(place('Merton').spend).toBe(0);
    expect(answer.practiceCoded).toEqual({
      dataset: 'practice-coded',
      financialYear: '2025/26',
      activity: 4,
      spend: 170.5,
    });
    expect(answer.neighbourhoods.reduce((s, n) => s + (n.spend ?? 0), 0)).toBeCloseTo(170.5, 9);
  });

  it('rejects a practice code not in the reference data, naming row and field', async () => {
    const file = join(dir, 'bad-practice.csv');
    writeFileSync(
      file,
      [
        header,
        `2025/26,RJ7,36L,${service},APC_EL,1,1.00,${croydon[0]}`,
        `2025/26,RJ7,36L,${service},APC_EL,1,1.00,Z99999`,
      ].join('\n'),
    );
    const error = await failure(importActivity(ws, { file, dataset: 'bad-practice' }));
    expect(error.code).toBe('FP_IMPORT_REJECTED');
    expect(error.problem.where).toMatchObject({ file, row: 2, field: 'gp_practice_code' });
    expect(error.problem.received).toContain('FP_IMPORT_UNKNOWN_PRACTICE');
    expect(await ws.one("SELECT 1 AS x FROM dataset WHERE name = 'bad-practice'")).toBeUndefined();
  });
});

describe('place groupings', () => {
  it('stores a grouping with every practice in one place, shows it, and removes it', async () => {
    const all = (await ws.all<{ code: string; lad: string }>(
      "SELECT practice_code AS code, lad_name AS lad FROM gp_practice WHERE icb_code = 'QWE' ORDER BY code",
    )) as { code: string; lad: string }[];
    const north = ['Kingston upon Thames', 'Richmond upon Thames', 'Wandsworth', 'Lambeth'];
    const places = [
      { name: 'North', practices: all.filter((p) => north.includes(p.lad)).map((p) => p.code) },
      { name: 'South', practices: all.filter((p) => !north.includes(p.lad)).map((p) => p.code) },
    ];
    await addPlaceGrouping(ws, { name: 'SWL two places', icb: 'QWE', places }, { owner: 'QWE' });
    const answer = await icbPlaces(ws, { icb: 'QWE', grouping: 'swl two places' });
    expect(answer.places.map((p) => [p.name, p.practices.length])).toEqual([
      ['North', places[0]!.practices.length],
      ['South', places[1]!.practices.length],
    ]);
    expect(answer.places.reduce((s, p) => s + p.population, 0)).toBeCloseTo(answer.population, 3);
    expect((await listPlaceGroupings(ws, 'QWE')).map((g) => [g.name, g.places])).toEqual([['SWL two places', 2]]);
    const again = await failure(addPlaceGrouping(ws, { name: 'swl TWO places', icb: 'QWE', places }, { owner: 'QWE' }));
    expect(again.problem).toMatchObject({ code: 'FP_PLACE_GROUPING_EXISTS', where: { parameter: 'name' } });
    await removePlaceGrouping(ws, 'SWL two places');
    expect(await listPlaceGroupings(ws, 'QWE')).toEqual([]);
    const gone = await failure(removePlaceGrouping(ws, 'SWL two places'));
    expect(gone.problem).toMatchObject({ code: 'FP_PLACE_GROUPING_NOT_FOUND', where: { parameter: 'grouping' } });
  });

  it.each([
    [
      'overlapping places',
      'FP_PLACE_OVERLAP',
      (all: string[]) => [
        { name: 'A', practices: all },
        { name: 'B', practices: [all[0]!] },
      ],
    ],
    ['practices left out', 'FP_PLACE_PRACTICES_LEFT_OUT', (all: string[]) => [{ name: 'A', practices: all.slice(1) }]],
    [
      'a practice of another ICB',
      'FP_PLACE_UNKNOWN_PRACTICE',
      (all: string[]) => [{ name: 'A', practices: [...all, 'A81001'] }],
    ],
  ])('refuses %s and stores nothing', async (_, code, places) => {
    const all = (
      await ws.all<{ code: string }>(
        "SELECT practice_code AS code FROM gp_practice WHERE icb_code = 'QWE' ORDER BY code",
      )
    ).map((p) => p.code);
    const error = await failure(
      addPlaceGrouping(ws, { name: 'Bad', icb: 'QWE', places: places(all) }, { owner: 'QWE' }),
    );
    expect(error.code).toBe(code);
    expect(error.problem.where).toEqual({ parameter: 'places[].practices' });
    expect(await ws.one("SELECT 1 AS x FROM place_grouping WHERE name = 'Bad'")).toBeUndefined();
    expect(await ws.one("SELECT 1 AS x FROM place_grouping_member WHERE grouping_name = 'Bad'")).toBeUndefined();
  });
});

describe('the clinical networks register', () => {
  it('ships the mandated types and the South London ICS/APC networks, with their source', async () => {
    const types = await ws.all<{ code: string }>('SELECT code FROM network_type ORDER BY code');
    expect(types).toHaveLength(13);
    const shipped = await listNetworks(ws);
    expect(shipped).toHaveLength(21);
    expect(shipped.find((n) => n.name === 'SWL Stroke')).toMatchObject({
      type: 'ics-apc',
      icbs: ['QWE'],
      host: null,
      shipped: true,
    });
    expect(shipped.every((n) => n.source.includes('seed 001'))).toBe(true);
  });

  it('refuses a footprint with unknown ICBs, naming them, and stores nothing', async () => {
    const definition = {
      name: 'Bad footprint',
      type: 'cardiac',
      host: null,
      description: null,
      services: [],
      providers: [],
    };
    const error = await failure(addNetwork(ws, { ...definition, icbs: ['QWE', 'ZZZ', 'Q99'] }, { owner: 'Y56' }));
    expect(error.code).toBe('FP_NETWORK_UNKNOWN_ICB');
    expect(error.problem).toMatchObject({ where: { parameter: 'icbs' }, received: 'ZZZ, Q99' });
    const badType = await failure(addNetwork(ws, { ...definition, type: 'dental', icbs: ['QWE'] }, { owner: 'Y56' }));
    expect(badType.code).toBe('FP_NETWORK_UNKNOWN_TYPE');
    const badProvider = await failure(
      addNetwork(ws, { ...definition, icbs: ['QWE'], providers: ['RJ7', 'XXX'] }, { owner: 'Y56' }),
    );
    expect(badProvider.problem).toMatchObject({ code: 'FP_NETWORK_UNKNOWN_PROVIDER', received: 'XXX' });
    const badService = await failure(
      addNetwork(ws, { ...definition, icbs: ['QWE'], services: ['NOPE'] }, { owner: 'Y56' }),
    );
    expect(badService.problem).toMatchObject({ code: 'FP_NETWORK_UNKNOWN_SERVICE', received: 'NOPE' });
    expect(await ws.one("SELECT 1 AS x FROM clinical_network WHERE name = 'Bad footprint'")).toBeUndefined();
  });

  it('refuses a bad name, a name taken, and removing a network that does not exist', async () => {
    const definition = { type: 'cardiac', host: null, description: null, icbs: ['QWE'], services: [], providers: [] };
    const badName = await failure(addNetwork(ws, { ...definition, name: '<script>' }, { owner: 'QWE' }));
    expect(badName.problem).toMatchObject({ code: 'FP_NETWORK_BAD_NAME', where: { parameter: 'name' } });
    const taken = await failure(addNetwork(ws, { ...definition, name: 'swl ent' }, { owner: 'QWE' }));
    expect(taken.problem).toMatchObject({ code: 'FP_NETWORK_EXISTS', where: { parameter: 'name' } });
    const missing = await failure(removeNetwork(ws, 'Nowhere ODN'));
    expect(missing.problem).toMatchObject({ code: 'FP_NETWORK_NOT_FOUND', where: { parameter: 'name' } });
  });

  it('shows the flows its member providers carry', async () => {
    const made = await addNetwork(
      ws,
      {
        name: 'South London Cardiac ODN',
        type: 'cardiac',
        host: "Guy's and St Thomas' NHS Foundation Trust",
        description: null,
        icbs: ['qkk', 'QWE'],
        services: [],
        providers: ['RJ1', 'rj7'],
      },
      { owner: 'Y56' },
    );
    expect(made).toMatchObject({ icbs: ['QKK', 'QWE'], providers: ['RJ1', 'RJ7'], shipped: false });
    const flows = await networkFlows(ws, made, { dataset: 'synthetic', financialYear: '2025/26' as FinancialYear });
    const expected = await ws.one<{ spend: number }>(
      `SELECT CAST(sum(spend) AS DOUBLE) AS spend FROM flow WHERE dataset = 'synthetic' AND vintage = '2026'
       AND financial_year = '2025/26' AND provider_code IN ('RJ1', 'RJ7')`,
    );
    expect(flows.reduce((s, f) => s + f.spend, 0)).toBeCloseTo(expected!.spend, 2);
    expect(new Set(flows.map((f) => f.providerCode))).toEqual(new Set(['RJ1', 'RJ7']));
  });
});

describe('the triangulation report', () => {
  it('gives each service a classification and shares that add up to 1, with the JSON keys asked for', async () => {
    const { table, meta } = await buildReport(ws, 'triangulation', { footprint: 'south london', dataset: 'synthetic' });
    const rows = [...table.rows];
    expect(rows.length).toBeGreaterThan(10);
    for (const key of ['service', 'classification', 'insideShare', 'otherIcbShare', 'otherRegionShare', 'partners']) {
      expect(table.columns.map((c) => c.key)).toContain(key);
    }
    for (const row of rows) {
      expect(['aligned', 'coordinate-across-icbs', 'coordinate-across-regions']).toContain(row.classification);
      if (row.insideShare !== null) {
        expect(
          (row.insideShare as number) + (row.otherIcbShare as number) + (row.otherRegionShare as number),
        ).toBeCloseTo(1, 9);
      }
    }
    expect(meta).toMatchObject({ footprint: 'South London', icbs: ['QKK', 'QWE'], materialityThreshold: 0.05 });
    // The network added above supports no listed service, so it is involved in none.
    expect(rows.every((r) => r.networks === '')).toBe(true);
  });

  it('refuses neither or both of --footprint and --icb, and an unknown footprint', async () => {
    const neither = await failure(buildReport(ws, 'triangulation', { dataset: 'synthetic' }));
    expect(neither.code).toBe('FP_TRIANGULATION_BAD_OPTION');
    const both = await failure(buildReport(ws, 'triangulation', { dataset: 'synthetic', icb: 'QWE', footprint: 'X' }));
    expect(both.problem).toMatchObject({ code: 'FP_TRIANGULATION_BAD_OPTION', where: { parameter: '--icb' } });
    const unknown = await failure(buildReport(ws, 'triangulation', { dataset: 'synthetic', footprint: 'Atlantis' }));
    expect(unknown.problem).toMatchObject({ code: 'FP_FOOTPRINT_NOT_FOUND', where: { parameter: '--footprint' } });
  });
});

describe('the wiring diagram', () => {
  it('names a lead at each of the four levels for every service of a footprint', async () => {
    const wiring = await footprintWiring(ws, { footprint: 'South London', year: '2025/26' });
    expect(wiring.footprint.icbs).toEqual(['QKK', 'QWE']);
    expect(wiring.services.length).toBeGreaterThan(50);
    for (const s of wiring.services)
      expect(s.rows.map((r) => r.level)).toEqual(['national', 'multi-icb', 'icb', 'place']);
    const delegated = wiring.services.find((s) => s.model === 'delegated');
    expect(delegated!.rows[1]!.lead).toBe('The ICBs of South London, jointly');
    // QKK has 6 districts and QWE 7 (Lambeth in both): 13 places.
    expect(delegated!.rows[3]!.lead).toBe('Place-based partnerships (13 places)');
  });
});
