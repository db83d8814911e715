// Loads England's reference data (data/reference) into a workspace: regions, ICBs and sub-ICB locations
// in both geography vintages, the residence map between them, GP practices, populations, weighted
// populations, providers with derived locations, the services catalogue and the standard footprints.
// Everything is replaced in one transaction, so loading twice gives the same workspace.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fail } from '../../core/errors.ts';
import { centroid } from '../../core/geography/centroid.ts';
import { indexPracticesByPostcode, locateByPostcode } from '../../core/geography/provider-location.ts';
import {
  buildResidenceMap,
  type PracticeGeography,
  type ResidenceCodeDefinition,
} from '../../core/geography/residence-map.ts';
import { organisationName } from '../../core/names/organisation-name.ts';
import { insertRows } from '../insert-rows.ts';
import { writeEstimatedProjections } from '../projections/estimated-projections.ts';
import type { Workspace } from '../workspace.ts';
import { loadDelegationWaves } from './delegation-reference.ts';
import { readServicesFile, replaceShippedCatalogue } from './import-services.ts';
import {
  DEFAULT_REFERENCE_DIR,
  geoJsonProperties,
  type LoadedFile,
  type ReferenceFileKey,
  referencePaths,
  sha256Of,
  stageCsv,
} from './reference-files.ts';

export interface LoadReferenceOptions {
  referenceDir?: string;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface ReferenceSummary {
  regions: { '2023': number; '2026': number };
  icbs: { '2023': number; '2026': number };
  subIcbs: { '2023': number; '2026': number };
  residenceCodes: number;
  residenceCodesByShare: number;
  practices: number;
  populationRows: number;
  englandPopulation: number;
  weightedPopulationRows: number;
  providers: { nhsTrusts: number; independentSector: number; withoutLocation: string[] };
  services: number;
  footprints: number;
  files: number;
  seconds: number;
}

const STEPS = [
  'reading files',
  'residence map',
  'provider locations',
  'writing geography',
  'writing practices and population',
  'writing providers',
  'writing services and footprints',
];

// The Genomic Laboratory Hubs named in the 2026 predecessor file: real multi-ICB groupings.
const GENOMIC_LABORATORY_HUBS: Record<string, string> = {
  'central-south': 'Central and South Genomic Laboratory Hub',
  east: 'East Genomic Laboratory Hub',
  ney: 'North East and Yorkshire Genomic Laboratory Hub',
  'north-thames': 'North Thames Genomic Laboratory Hub',
  'north-west': 'North West Genomic Laboratory Hub',
  'south-east': 'South East Genomic Laboratory Hub',
  'south-west': 'South West Genomic Laboratory Hub',
};

const SOUTH_LONDON = { name: 'South London', icbs: ['QKK', 'QWE'] };

const TABLES_REPLACED = [
  'residence_map',
  'sub_icb',
  'icb',
  'region',
  'gp_practice',
  'population',
  'weighted_population',
  'provider',
  'reference_file',
];

interface NamedCode {
  ods: string;
  ons: string;
  name: string;
}

export async function loadReference(ws: Workspace, options: LoadReferenceOptions = {}): Promise<ReferenceSummary> {
  const started = performance.now();
  const dir = options.referenceDir ?? DEFAULT_REFERENCE_DIR;
  const progress = (step: string) => options.onProgress?.(step, STEPS.indexOf(step), STEPS.length);
  progress('reading files');
  const paths = referencePaths(dir);
  const rows = new Map<ReferenceFileKey, number>();
  const stage = async (key: ReferenceFileKey, table: string, columns: readonly string[]) => {
    rows.set(key, await stageCsv(ws, table, paths[key], columns));
  };
  await stage('loc22', 'ref_loc22', [
    'LOC22CD',
    'LOC22CDH',
    'LOC22NM',
    'ICB22CD',
    'ICB22CDH',
    'ICB22NM',
    'NHSER22CD',
    'NHSER22CDH',
    'NHSER22NM',
  ]);
  await stage('icbList2026', 'ref_icb26', [
    'ICB_ONS_CODE',
    'ICB_ODS_CODE',
    'ICB_NAME',
    'NHSER_ONS_CODE',
    'NHSER_ODS_CODE',
    'NHSER_NAME',
  ]);
  await stage('subIcb2026', 'ref_sub26', ['SICBL_ONS_CODE', 'SICBL_ODS_CODE', 'SICBL_NAME', 'ICB_ODS_CODE']);
  await stage('practiceMap2026', 'ref_practices', [
    'PRACTICE_CODE',
    'PRACTICE_NAME',
    'PRACTICE_POSTCODE',
    'PCN_CODE',
    'PCN_NAME',
    'SUB_ICB_LOCATION_CODE',
    'ICB_CODE',
    'COMM_REGION_CODE',
  ]);
  await stage('population', 'ref_population', ['ORG_TYPE', 'ORG_CODE', 'SEX', 'AGE', 'NUMBER_OF_PATIENTS']);
  await stage('weighted2024', 'ref_wp2024', ['Practice_Code', 'CCG21', 'ICS22', 'pop 2022/23', 'G&A WP', 'Final WP']);
  await stage('weighted2025', 'ref_wp2025', [
    'Practice_Code',
    'Latitude',
    'Longitude',
    'ICB',
    'LAD',
    'LTLA',
    'Population',
    'G&A WP',
    'Final WP',
  ]);
  await stage('etr2025', 'ref_etr2025', [
    'ORG_CODE',
    'NAME',
    'HIGH_LEVEL_HEALTH_GEOGRAPHY',
    'POSTCODE',
    'OPEN_DATE',
    'CLOSE_DATE',
  ]);
  await stage('etr2026', 'ref_etr2026', [
    'ORG_CODE',
    'NAME',
    'HIGH_LEVEL_HEALTH_GEOGRAPHY',
    'POSTCODE',
    'OPEN_DATE',
    'CLOSE_DATE',
  ]);
  await stage('rttOrgLookup', 'ref_rtt_orgs', ['ROLE', 'ORG_CODE', 'ORG_NAME', 'PARENT_ORG_CODE']);
  await stage('rttTotals', 'ref_rtt_totals', [
    'PROVIDER_ORG_CODE',
    'COMMISSIONER_ORG_CODE',
    'RTT_PART_TYPE',
    'TOTAL_ALL',
  ]);
  await stage('rttByTreatmentFunction', 'ref_rtt_tfc', [
    'PROVIDER_ORG_CODE',
    'COMMISSIONER_ORG_CODE',
    'TREATMENT_FUNCTION_CODE',
  ]);
  const icb2023Features = geoJsonProperties(paths.icbBoundaries2023, ['ICB23CD', 'ICB23NM']);
  const icb2026Features = geoJsonProperties(paths.icbBoundaries2026, ['ICB26CD']);
  const subIcb2023Features = geoJsonProperties(paths.subIcbBoundaries2023, ['SICBL23CD', 'SICBL23NM']);
  const regionFeatures = geoJsonProperties(paths.regionBoundaries, ['NHSER24CD', 'NHSER24NM']);
  const predecessors = JSON.parse(readFileSync(paths.predecessors2026, 'utf8')) as { odsCode: string; glhId: string }[];
  rows.set('icbBoundaries2023', icb2023Features.length);
  rows.set('icbBoundaries2026', icb2026Features.length);
  rows.set('subIcbBoundaries2023', subIcb2023Features.length);
  rows.set('regionBoundaries', regionFeatures.length);
  rows.set('predecessors2026', predecessors.length);
  const services = await readServicesFile(ws, paths.services);
  rows.set('services', services.services.length);
  const files: LoadedFile[] = (Object.keys(paths) as ReferenceFileKey[]).map((key) => ({
    path: relative(dir, paths[key]),
    rows: rows.get(key) ?? 0,
    sha256: sha256Of(paths[key]),
  }));

  // The 2023 geography: the July 2022 lookup's ODS codes and names, with the April 2023 boundaries' ONS
  // codes (Surrey Heartlands and Sussex were recoded E54000052/53 → E54000063/64 and their sub-ICBs
  // E38000246/248 → E38000264/265). ICBs match by name; sub-ICBs by the ODS code their name ends with.
  const loc22 = await ws.all<Record<string, string>>('SELECT * FROM ref_loc22 ORDER BY LOC22CD');
  const ons2023IcbByName = new Map(icb2023Features.map((p) => [String(p.ICB23NM), String(p.ICB23CD)]));
  const ons2024RegionByName = new Map(regionFeatures.map((p) => [String(p.NHSER24NM), String(p.NHSER24CD)]));
  const icbs2023 = new Map<string, NamedCode & { region: string; ons2022: string }>();
  const regions2023 = new Map<string, NamedCode>();
  for (const r of loc22) {
    const ons = ons2023IcbByName.get(r.ICB22NM!);
    if (!ons) {
      fail('FP_REFERENCE_BAD_FILE', `The 2023 ICB boundaries have no ICB named ${r.ICB22NM}.`, {
        where: { file: paths.icbBoundaries2023, field: 'ICB23NM' },
        received: r.ICB22NM,
      });
    }
    icbs2023.set(r.ICB22CDH!, { ods: r.ICB22CDH!, ons, name: r.ICB22NM!, region: r.NHSER22CDH!, ons2022: r.ICB22CD! });
    regions2023.set(r.NHSER22CDH!, {
      ods: r.NHSER22CDH!,
      ons: ons2024RegionByName.get(r.NHSER22NM!) ?? r.NHSER22CD!,
      name: r.NHSER22NM!,
    });
  }
  const loc22ByOds = new Map(loc22.map((r) => [r.LOC22CDH!, r]));
  const subIcbs2023 = subIcb2023Features.map((p) => {
    const name = String(p.SICBL23NM);
    const ods = name.split(' - ').at(-1)!.trim();
    const icb = loc22ByOds.get(ods)?.ICB22CDH;
    if (!icb) {
      fail('FP_REFERENCE_BAD_FILE', `The 2023 sub-ICB ${p.SICBL23CD} (${name}) has no ODS code in the 2022 lookup.`, {
        where: { file: paths.subIcbBoundaries2023, field: 'SICBL23NM' },
        received: name,
      });
    }
    return { ods, ons: String(p.SICBL23CD), name, icb };
  });
  const icbs2026 = await ws.all<NamedCode & { region: string }>(
    'SELECT DISTINCT ICB_ODS_CODE AS ods, ICB_ONS_CODE AS ons, ICB_NAME AS name, NHSER_ODS_CODE AS region FROM ref_icb26 ORDER BY ods',
  );
  const regions2026 = await ws.all<NamedCode>(
    'SELECT DISTINCT NHSER_ODS_CODE AS ods, NHSER_ONS_CODE AS ons, NHSER_NAME AS name FROM ref_icb26 ORDER BY ods',
  );
  const subIcbs2026 = await ws.all<NamedCode & { icb: string }>(
    'SELECT SICBL_ODS_CODE AS ods, SICBL_ONS_CODE AS ons, SICBL_NAME AS name, ICB_ODS_CODE AS icb FROM ref_sub26 ORDER BY ods',
  );

  // Each practice in both geographies: 2026 sub-ICB and ICB from the August 2026 map, 2023 ICB from the
  // 2025/26 allocation file, 2023 sub-ICB from the 2024/25 file's CCG21 column (the 2025/26 file's LOC
  // column is blank; the 106 CCG21 codes are the sub-ICB location codes).
  progress('residence map');
  const practiceGeography = await ws.all<
    PracticeGeography & { postcode: string; latitude: number | null; longitude: number | null }
  >(`
    SELECT p.PRACTICE_POSTCODE AS postcode, CAST(w.Population AS DOUBLE) AS population,
      o.CCG21 AS "subIcb2023", w.ICB AS "icb2023", p.SUB_ICB_LOCATION_CODE AS "subIcb2026", p.ICB_CODE AS "icb2026",
      CAST(w.Latitude AS DOUBLE) AS latitude, CAST(w.Longitude AS DOUBLE) AS longitude
    FROM ref_practices p
    LEFT JOIN ref_wp2025 w ON w.Practice_Code = p.PRACTICE_CODE
    LEFT JOIN ref_wp2024 o ON o.Practice_Code = p.PRACTICE_CODE
    ORDER BY p.PRACTICE_CODE`);
  const definitions: ResidenceCodeDefinition[] = [];
  const define = (
    codes: readonly string[],
    kind: 'sub-icb' | 'icb',
    vintage: '2022' | '2023' | '2026',
    icb: string,
    area: ResidenceCodeDefinition['area'],
  ) => {
    for (const code of codes) definitions.push({ code, kind, vintage, icb, area });
  };
  for (const r of loc22) {
    define([r.LOC22CD!, r.LOC22CDH!], 'sub-icb', '2022', r.ICB22CDH!, { level: 'subIcb2023', code: r.LOC22CDH! });
    define([r.ICB22CD!, r.ICB22CDH!], 'icb', '2022', r.ICB22CDH!, { level: 'icb2023', code: r.ICB22CDH! });
  }
  for (const s of subIcbs2023) define([s.ons, s.ods], 'sub-icb', '2023', s.icb, { level: 'subIcb2023', code: s.ods });
  for (const i of icbs2023.values()) define([i.ons, i.ods], 'icb', '2023', i.ods, { level: 'icb2023', code: i.ods });
  for (const s of subIcbs2026) define([s.ons, s.ods], 'sub-icb', '2026', s.icb, { level: 'subIcb2026', code: s.ods });
  for (const i of icbs2026) define([i.ons, i.ods], 'icb', '2026', i.ods, { level: 'icb2026', code: i.ods });
  const residence = buildResidenceMap(definitions, practiceGeography);
  if (residence.unmapped.length) {
    fail('FP_REFERENCE_BAD_FILE', `No GP practices place the residence codes ${residence.unmapped.join(', ')}.`, {
      where: { file: paths.practiceMap2026 },
    });
  }
  const residenceByCode = new Map(residence.value.map((e) => [e.code, e]));

  // Providers: every ETR 2026 trust (closed ones too: old activity names them), 2025 trusts missing from
  // 2026, and independent-sector providers from the RTT extract. See SOURCES.md for the location rules.
  progress('provider locations');
  const icb2026Codes = new Set(icbs2026.map((i) => i.ods));
  const located = practiceGeography.flatMap((p) =>
    p.latitude !== null && p.longitude !== null && p.icb2026
      ? [{ postcode: p.postcode, latitude: p.latitude, longitude: p.longitude, icb2026: p.icb2026, icb2023: p.icb2023 }]
      : [],
  );
  const practiceIndex = indexPracticesByPostcode(located);
  const icbCentroids = new Map<string, { latitude: number; longitude: number }>();
  for (const code of icb2026Codes) {
    const point = centroid(
      practiceGeography
        .filter((p) => p.icb2026 === code && p.latitude !== null && p.longitude !== null)
        .map((p) => ({ latitude: p.latitude!, longitude: p.longitude!, weight: p.population })),
    );
    if (point) icbCentroids.set(code, point);
  }
  const trusts = await ws.all<{
    code: string;
    name: string;
    geography: string | null;
    geography2025: string | null;
    postcode: string | null;
    openDate: string | null;
    closeDate: string | null;
  }>(`
    SELECT e.ORG_CODE AS code, e.NAME AS name, e.HIGH_LEVEL_HEALTH_GEOGRAPHY AS geography,
      o.HIGH_LEVEL_HEALTH_GEOGRAPHY AS geography2025, e.POSTCODE AS postcode,
      strftime(strptime(e.OPEN_DATE, '%Y%m%d'), '%Y-%m-%d') AS "openDate",
      strftime(strptime(e.CLOSE_DATE, '%Y%m%d'), '%Y-%m-%d') AS "closeDate"
    FROM (SELECT * FROM ref_etr2026 UNION ALL BY NAME
          SELECT * FROM ref_etr2025 WHERE ORG_CODE NOT IN (SELECT ORG_CODE FROM ref_etr2026)) e
    LEFT JOIN ref_etr2025 o ON o.ORG_CODE = e.ORG_CODE
    ORDER BY e.ORG_CODE`);
  await ws.run('CREATE OR REPLACE TEMP TABLE ref_residence (code VARCHAR, icb_2026 VARCHAR)');
  await insertRows(
    ws,
    'ref_residence',
    ['code', 'icb_2026'],
    residence.value.map((e) => [e.code, e.icb2026]),
  );
  const independent = await ws.all<{
    code: string;
    name: string;
    parent: string | null;
    largestShareIcb: string | null;
  }>(`
    WITH pathways AS (
      SELECT t.PROVIDER_ORG_CODE AS provider, m.icb_2026 AS icb, sum(CAST(t.TOTAL_ALL AS DOUBLE)) AS n
      FROM ref_rtt_totals t JOIN ref_residence m ON m.code = upper(t.COMMISSIONER_ORG_CODE)
      WHERE t.RTT_PART_TYPE = 'Part_2'
      GROUP BY ALL
    ), ranked AS (
      SELECT provider, icb, row_number() OVER (PARTITION BY provider ORDER BY n DESC, icb) AS rank FROM pathways
    )
    SELECT o.ORG_CODE AS code, o.ORG_NAME AS name, o.PARENT_ORG_CODE AS parent, r.icb AS "largestShareIcb"
    FROM ref_rtt_orgs o LEFT JOIN ranked r ON r.provider = o.ORG_CODE AND r.rank = 1
    WHERE o.ROLE = 'PROVIDER' AND o.ORG_CODE NOT IN (SELECT ORG_CODE FROM ref_etr2026)
      AND o.ORG_CODE NOT IN (SELECT ORG_CODE FROM ref_etr2025)
    ORDER BY o.ORG_CODE`);
  const icb2023Codes = new Set(icbs2023.keys());
  const providerRows: (string | number | null)[][] = [];
  const withoutLocation: string[] = [];
  for (const t of trusts) {
    const at = t.postcode ? locateByPostcode(practiceIndex, t.postcode) : null;
    const etrHost = t.geography && icb2026Codes.has(t.geography) ? t.geography : null;
    const host = etrHost ?? at?.icb2026 ?? null;
    const host2023 =
      [t.geography2025, t.geography].find((g) => g && icb2023Codes.has(g)) ??
      at?.icb2023 ??
      (host ? residenceByCode.get(host)?.icb2023 : null) ??
      null;
    const point = at ?? (host ? icbCentroids.get(host) : undefined) ?? null;
    const coordinates = at ? at.level : point ? 'host-icb-centroid' : 'none';
    const hostMethod = etrHost ? 'etr-geography' : host ? 'postcode-practices' : 'none';
    if (!host || !point) withoutLocation.push(t.code);
    providerRows.push([
      t.code,
      organisationName(t.name),
      'nhs-trust',
      t.postcode,
      host,
      host2023,
      point?.latitude ?? null,
      point?.longitude ?? null,
      `${coordinates}+${hostMethod}`,
      t.openDate,
      t.closeDate,
    ]);
  }
  for (const p of independent) {
    const parentHost = p.parent && icb2026Codes.has(p.parent) ? p.parent : null;
    const host = parentHost ?? p.largestShareIcb;
    const point = host ? icbCentroids.get(host) : undefined;
    if (!host || !point) withoutLocation.push(p.code);
    providerRows.push([
      p.code,
      organisationName(p.name),
      'independent-sector',
      null,
      host,
      host ? (residenceByCode.get(host)?.icb2023 ?? null) : null,
      point?.latitude ?? null,
      point?.longitude ?? null,
      `${point ? 'host-icb-centroid' : 'none'}+${parentHost ? 'rtt-parent' : host ? 'rtt-largest-share' : 'none'}`,
      null,
      null,
    ]);
  }

  // Footprints: each 2026 ICB and region, South London, and the Genomic Laboratory Hubs.
  const footprints: { name: string; kind: 'icb' | 'region' | 'group'; description: string; icbs: string[] }[] = [
    ...icbs2026.map((i) => ({ name: i.name, kind: 'icb' as const, description: `${i.ods} (${i.ons})`, icbs: [i.ods] })),
    ...regions2026.map((r) => ({
      name: r.name,
      kind: 'region' as const,
      description: `NHS England region ${r.ods}`,
      icbs: icbs2026.filter((i) => i.region === r.ods).map((i) => i.ods),
    })),
    {
      name: SOUTH_LONDON.name,
      kind: 'group',
      description: 'South East London ICB and South West London ICB',
      icbs: SOUTH_LONDON.icbs,
    },
    ...Object.entries(GENOMIC_LABORATORY_HUBS).map(([id, name]) => ({
      name,
      kind: 'group' as const,
      description: 'ICBs served by this NHS Genomic Laboratory Hub (icb_2026-04_predecessors_and_glh.json)',
      icbs: predecessors.filter((p) => p.glhId === id).map((p) => p.odsCode),
    })),
  ];
  for (const f of footprints) {
    const unknown = f.icbs.find((code) => !icb2026Codes.has(code));
    if (unknown || f.icbs.length === 0) {
      fail('FP_REFERENCE_BAD_FILE', `The footprint ${f.name} names ICB ${unknown ?? '(none)'}, not a 2026 ICB.`, {
        where: { file: paths.predecessors2026 },
        received: unknown,
      });
    }
  }

  await ws.transaction(async () => {
    progress('writing geography');
    for (const table of TABLES_REPLACED) await ws.run(`DELETE FROM ${table}`);
    await insertRows(
      ws,
      'region',
      ['vintage', 'region_code', 'region_ons_code', 'name'],
      [
        ...[...regions2023.values()].map((r) => ['2023', r.ods, r.ons, r.name]),
        ...regions2026.map((r) => ['2026', r.ods, r.ons, r.name]),
      ],
    );
    await insertRows(
      ws,
      'icb',
      ['vintage', 'icb_code', 'icb_ons_code', 'name', 'region_code'],
      [
        ...[...icbs2023.values()].map((i) => ['2023', i.ods, i.ons, i.name, i.region]),
        ...icbs2026.map((i) => ['2026', i.ods, i.ons, i.name, i.region]),
      ],
    );
    await insertRows(
      ws,
      'sub_icb',
      ['vintage', 'sub_icb_code', 'sub_icb_ons_code', 'name', 'icb_code'],
      [
        ...subIcbs2023.map((s) => ['2023', s.ods, s.ons, s.name, s.icb]),
        ...subIcbs2026.map((s) => ['2026', s.ods, s.ons, s.name, s.icb]),
      ],
    );
    await insertRows(
      ws,
      'residence_map',
      ['code', 'code_kind', 'source_vintage', 'icb_2026', 'icb_2023', 'method'],
      residence.value.map((e) => [e.code, e.codeKind, e.sourceVintage, e.icb2026, e.icb2023, e.method]),
    );

    progress('writing practices and population');
    // Practice and PCN names are published in capitals; they are stored in their normal casing.
    const practiceNames = await ws.all<{ name: string }>(
      `SELECT DISTINCT PRACTICE_NAME AS name FROM ref_practices WHERE PRACTICE_NAME IS NOT NULL
       UNION SELECT DISTINCT PCN_NAME FROM ref_practices WHERE PCN_NAME IS NOT NULL`,
    );
    await ws.run('CREATE OR REPLACE TEMP TABLE ref_name_case (raw VARCHAR, cased VARCHAR)');
    await insertRows(
      ws,
      'ref_name_case',
      ['raw', 'cased'],
      practiceNames.map((n) => [n.name, organisationName(n.name)]),
    );
    await ws.run(`
      INSERT INTO gp_practice
      SELECT p.PRACTICE_CODE, coalesce(pn.cased, p.PRACTICE_NAME), p.PRACTICE_POSTCODE, CAST(w.Latitude AS DOUBLE),
        CAST(w.Longitude AS DOUBLE), p.PCN_CODE, coalesce(cn.cased, p.PCN_NAME), p.SUB_ICB_LOCATION_CODE, p.ICB_CODE,
        p.COMM_REGION_CODE, w.LAD, w.LTLA
      FROM ref_practices p LEFT JOIN ref_wp2025 w ON w.Practice_Code = p.PRACTICE_CODE
        LEFT JOIN ref_name_case pn ON pn.raw = p.PRACTICE_NAME
        LEFT JOIN ref_name_case cn ON cn.raw = p.PCN_NAME`);
    await ws.run('DROP TABLE ref_name_case');
    // Single years of age (0…94, 95+) to the 19 ESP 2013 bands; 90 and over share '90+'.
    await ws.run(`
      INSERT INTO population
      SELECT 'gp-registered-2026-08', DATE '2026-08-01',
        CASE ORG_TYPE WHEN 'Comm Region' THEN 'region' WHEN 'ICB' THEN 'icb' ELSE 'sub-icb' END AS area_type,
        ORG_CODE, CASE SEX WHEN 'MALE' THEN 'M' ELSE 'F' END AS sex,
        CASE WHEN AGE = '95+' OR CAST(AGE AS INTEGER) >= 90 THEN '90+'
          ELSE CAST(CAST(AGE AS INTEGER) // 5 * 5 AS VARCHAR) || '-' || CAST(CAST(AGE AS INTEGER) // 5 * 5 + 4 AS VARCHAR)
        END AS age_band,
        sum(CAST(NUMBER_OF_PATIENTS AS DOUBLE)) AS persons
      FROM ref_population
      WHERE SEX IN ('MALE', 'FEMALE') AND AGE <> 'ALL'
      GROUP BY ALL`);
    await writeEstimatedProjections(ws);
    await ws.run(`
      INSERT INTO weighted_population
      SELECT '2024/25', Practice_Code, ICS22, CAST("pop 2022/23" AS DOUBLE), CAST("G&A WP" AS DOUBLE), CAST("Final WP" AS DOUBLE)
      FROM ref_wp2024
      UNION ALL
      SELECT '2025/26', Practice_Code, ICB, CAST(Population AS DOUBLE), CAST("G&A WP" AS DOUBLE), CAST("Final WP" AS DOUBLE)
      FROM ref_wp2025`);

    progress('writing providers');
    await insertRows(
      ws,
      'provider',
      [
        'provider_code',
        'name',
        'kind',
        'postcode',
        'host_icb',
        'host_icb_2023',
        'latitude',
        'longitude',
        'location_method',
        'open_date',
        'close_date',
      ],
      providerRows,
    );

    progress('writing services and footprints');
    await replaceShippedCatalogue(ws, relative(dir, paths.services), services.services);
    await loadDelegationWaves(ws, paths.delegationWaves, paths.jointCommittees);

    await ws.run(
      "DELETE FROM footprint_member WHERE footprint_name IN (SELECT name FROM footprint WHERE kind IN ('icb', 'region', 'group'))",
    );
    await ws.run("DELETE FROM footprint WHERE kind IN ('icb', 'region', 'group')");
    await insertRows(
      ws,
      'footprint',
      ['name', 'kind', 'vintage', 'description'],
      footprints.map((f) => [f.name, f.kind, '2026', f.description]),
    );
    await insertRows(
      ws,
      'footprint_member',
      ['footprint_name', 'icb_code'],
      footprints.flatMap((f) => f.icbs.map((code) => [f.name, code])),
    );
    await insertRows(
      ws,
      'reference_file',
      ['path', 'rows_loaded', 'sha256', 'loaded_at'],
      files.map((f) => [f.path, f.rows, f.sha256, new Date().toISOString()]),
    );
  });
  for (const table of [
    'ref_loc22',
    'ref_icb26',
    'ref_sub26',
    'ref_practices',
    'ref_population',
    'ref_wp2024',
    'ref_wp2025',
    'ref_etr2025',
    'ref_etr2026',
    'ref_rtt_orgs',
    'ref_rtt_totals',
    'ref_rtt_tfc',
    'ref_residence',
  ]) {
    await ws.run(`DROP TABLE IF EXISTS ${table}`);
  }
  options.onProgress?.('done', STEPS.length, STEPS.length);

  const count = async (sql: string) => (await ws.one<{ n: number }>(sql))?.n ?? 0;
  return {
    regions: { '2023': regions2023.size, '2026': regions2026.length },
    icbs: { '2023': icbs2023.size, '2026': icbs2026.length },
    subIcbs: { '2023': subIcbs2023.length, '2026': subIcbs2026.length },
    residenceCodes: residence.value.length,
    residenceCodesByShare: residence.value.filter((e) => e.method !== 'same-code').length,
    practices: await count('SELECT CAST(count(*) AS INTEGER) AS n FROM gp_practice'),
    populationRows: await count('SELECT CAST(count(*) AS INTEGER) AS n FROM population'),
    englandPopulation: await count(
      "SELECT CAST(sum(persons) AS DOUBLE) AS n FROM population WHERE area_type = 'region'",
    ),
    weightedPopulationRows: await count('SELECT CAST(count(*) AS INTEGER) AS n FROM weighted_population'),
    providers: {
      nhsTrusts: trusts.length,
      independentSector: independent.length,
      withoutLocation,
    },
    services: services.services.length,
    footprints: footprints.length,
    files: files.length,
    seconds: (performance.now() - started) / 1000,
  };
}
