// `footprint projections import`: ONS subnational population projections (the SNPP CSV layout: AREA_CODE,
// AREA_NAME, COMPONENT, SEX, AGE_GROUP, then one column per mid-year) become ICB × mid-year × ESP 2013
// age band × sex counts. Local authority rows (E06–E09) are shared among the 2026 ICBs by where the
// registered patients of the authority's GP practices are (gp_practice.lad_code, practice list sizes from
// the latest weighted populations); ICB or sub-ICB rows count towards their 2026 ICB directly. Counties,
// regions and England (E10–E13, E92) repeat their districts and are left out. All or nothing.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { FootprintError, fail, type Problem } from '../../core/errors.ts';
import { AGE_BANDS, type AgeBand, ageBandOf } from '../../core/population/age-bands.ts';
import { parseCsv } from '../csv/parse-csv.ts';
import { insertRows } from '../insert-rows.ts';
import type { Workspace } from '../workspace.ts';

export type ProjectionAreaLevel = 'local-authority' | 'icb';

export interface ProjectionsImport {
  file: string;
  areaLevel: ProjectionAreaLevel;
  rowsRead: number;
  /** Rows left out on purpose: other components, persons, all ages, counties, regions, England. */
  rowsLeftOut: number;
  icbs: number;
  firstYear: number;
  lastYear: number;
}

const LOCAL_AUTHORITY = /^E0[6-9]\d{6}$/;
const AGGREGATE_AREA = /^E(1[0-3]|92)\d{6}$/;
const SEXES: Record<string, 'M' | 'F' | null> = {
  males: 'M',
  male: 'M',
  m: 'M',
  '1': 'M',
  females: 'F',
  female: 'F',
  f: 'F',
  '2': 'F',
  persons: null,
  all: null,
  'all persons': null,
};

/** The ESP band of an ONS age group: a single year ('0'…'89'), '90 and over' / '90+', or a five-year band
 * that is an ESP band ('0-4'); null for 'All ages'; undefined when it is none of these. */
export function projectionAgeBand(label: string): AgeBand | null | undefined {
  const text = label.trim().toLowerCase();
  if (text === 'all ages' || text === 'all') return null;
  if (/^\d{1,3}$/.test(text)) return ageBandOf(Number(text));
  const open = /^(\d{1,3})\s*(\+|and over|plus)$/.exec(text);
  if (open) return Number(open[1]) === 90 ? '90+' : undefined;
  const band = /^(\d{1,3})\s*(-|to)\s*(\d{1,3})$/.exec(text);
  if (band) return AGE_BANDS.find((b) => b === `${Number(band[1])}-${Number(band[3])}`);
  return undefined;
}

interface PracticeShare {
  icb: string;
  share: number;
}

/** Each local authority's registered patients by 2026 ICB, as shares of the authority's total. */
async function localAuthorityShares(ws: Workspace): Promise<Map<string, PracticeShare[]>> {
  const rows = await ws.all<{ lad: string; icb: string; patients: number }>(
    `SELECT upper(g.lad_code) AS lad, g.icb_code AS icb, CAST(sum(w.population) AS DOUBLE) AS patients
     FROM gp_practice g
     JOIN weighted_population w ON w.practice_code = g.practice_code
       AND w.financial_year = (SELECT max(financial_year) FROM weighted_population)
     WHERE g.lad_code IS NOT NULL
     GROUP BY upper(g.lad_code), g.icb_code`,
  );
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.lad, (totals.get(r.lad) ?? 0) + r.patients);
  const shares = new Map<string, PracticeShare[]>();
  for (const r of rows) {
    const total = totals.get(r.lad)!;
    if (!(total > 0) || !(r.patients > 0)) continue;
    const list = shares.get(r.lad) ?? [];
    if (list.length === 0) shares.set(r.lad, list);
    list.push({ icb: r.icb, share: r.patients / total });
  }
  return shares;
}

async function icbOfCode(ws: Workspace): Promise<Map<string, string>> {
  const rows = await ws.all<{ code: string; icb: string }>('SELECT code, icb_2026 AS icb FROM residence_map');
  return new Map(rows.map((r) => [r.code.toUpperCase(), r.icb]));
}

function badFile(file: string, message: string, received?: string): never {
  fail('FP_PROJECTIONS_BAD_FILE', message, {
    where: { file },
    received,
    accepted: 'a CSV with AREA_CODE, SEX, AGE_GROUP and one column per year (e.g. 2024), as ONS publishes SNPP',
    hint: 'Use the ONS subnational population projections CSV (population, by single year of age or 5-year band).',
  });
}

export async function importProjections(ws: Workspace, path: string): Promise<ProjectionsImport> {
  const file = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    badFile(file, 'The population projections file cannot be read.', (error as Error).message.split('\n')[0]);
  }
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(text, file);
  } catch (error) {
    if (!(error instanceof FootprintError)) throw error;
    throw new FootprintError({ ...error.problem, code: 'FP_PROJECTIONS_BAD_FILE' });
  }
  const column = (name: string) => table.header.findIndex((h) => h.toUpperCase() === name);
  const [areaAt, sexAt, ageAt, componentAt] = ['AREA_CODE', 'SEX', 'AGE_GROUP', 'COMPONENT'].map(column) as [
    number,
    number,
    number,
    number,
  ];
  const yearColumns = table.header.flatMap((h, i) => (/^\d{4}$/.test(h) ? [{ year: Number(h), at: i }] : []));
  if (areaAt < 0 || sexAt < 0 || ageAt < 0 || yearColumns.length === 0) {
    badFile(file, 'The file does not have the ONS projection columns.', table.header.join(', '));
  }

  const [icbByCode, shares] = await Promise.all([icbOfCode(ws), localAuthorityShares(ws)]);
  const problems: Problem[] = [];
  const problem = (row: number, field: string, message: string, received: string, accepted: string) =>
    problems.push({ code: 'FP_PROJECTIONS_REJECTED', message, where: { file, row, field }, received, accepted });
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  const levels = new Set<ProjectionAreaLevel>();
  let rowsLeftOut = 0;

  for (const [index, cells] of table.rows.entries()) {
    const row = index + 1;
    if (componentAt >= 0 && cells[componentAt]!.trim().toLowerCase() !== 'population') {
      rowsLeftOut++;
      continue;
    }
    const areaCode = cells[areaAt]!.trim().toUpperCase();
    const sexText = cells[sexAt]!.trim().toLowerCase();
    const ageText = cells[ageAt]!.trim();
    const sex = SEXES[sexText];
    const band = projectionAgeBand(ageText);
    if (sex === undefined)
      problem(row, 'SEX', 'The sex is not one ONS uses.', cells[sexAt]!, 'males, females, persons');
    if (band === undefined) {
      problem(
        row,
        'AGE_GROUP',
        'The age group is not a single year, 90 and over, or an ESP 5-year band.',
        ageText,
        "'0' … '89', '90 and over', 5-year bands '0-4' … '85-89', 'All ages'",
      );
    }
    if (sex === null || band === null || AGGREGATE_AREA.test(areaCode)) {
      rowsLeftOut++;
      continue;
    }
    let targets: PracticeShare[] | undefined;
    const icb = icbByCode.get(areaCode);
    if (icb) {
      targets = [{ icb, share: 1 }];
      levels.add('icb');
    } else if (LOCAL_AUTHORITY.test(areaCode)) {
      targets = shares.get(areaCode);
      levels.add('local-authority');
      if (!targets) {
        problem(
          row,
          'AREA_CODE',
          'No GP practice in the workspace is in this local authority, so it has no ICB.',
          areaCode,
          'local authorities on the boundaries of the GP practice reference data (E06, E07, E08, E09)',
        );
      }
    } else {
      problem(
        row,
        'AREA_CODE',
        'The area is not an English local authority, ICB or sub-ICB.',
        areaCode,
        'local authority codes E06, E07, E08, E09; ICB or sub-ICB codes (ODS or ONS)',
      );
    }
    const key = `${areaCode}|${sexText}|${ageText.toLowerCase()}`;
    if (seen.has(key))
      problem(row, 'AGE_GROUP', 'This area, sex and age group is in the file twice.', ageText, 'each once');
    seen.add(key);
    const values = yearColumns.map(({ year, at }) => {
      const raw = cells[at]!.trim();
      const value = raw === '' ? Number.NaN : Number(raw.replaceAll(',', ''));
      if (!Number.isFinite(value) || value < 0) {
        problem(row, String(year), 'The projected population is not a number of people.', raw, 'a number, 0 or more');
      }
      return value;
    });
    if (!targets || !sex || !band || problems.length > 0) continue;
    for (const target of targets) {
      yearColumns.forEach(({ year }, i) => {
        const cell = `${target.icb}|${year}|${band}|${sex}`;
        counts.set(cell, (counts.get(cell) ?? 0) + values[i]! * target.share);
      });
    }
  }
  if (levels.size > 1) {
    problems.push({
      code: 'FP_PROJECTIONS_REJECTED',
      message: 'The file has both local authority and ICB or sub-ICB rows, which would count people twice.',
      where: { file, field: 'AREA_CODE' },
      received: 'local authority and ICB/sub-ICB codes',
      accepted: 'one level of area',
    });
  }
  if (problems.length === 0 && counts.size === 0) {
    badFile(file, 'The file has no male or female population rows for English areas.', `${table.rows.length} rows`);
  }
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
    throw new FootprintError({ ...first, message: `${first.message}${more}` });
  }

  const years = yearColumns.map((c) => c.year);
  const result: ProjectionsImport = {
    file,
    areaLevel: [...levels][0]!,
    rowsRead: table.rows.length,
    rowsLeftOut,
    icbs: new Set([...counts.keys()].map((k) => k.split('|')[0])).size,
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
  };
  await ws.transaction(async () => {
    await ws.run('DELETE FROM population_projection');
    await ws.run('DELETE FROM projection_import');
    await insertRows(
      ws,
      'population_projection',
      ['icb_code', 'year', 'age_band', 'sex', 'persons'],
      [...counts].map(([cell, persons]) => {
        const [icb, year, band, sex] = cell.split('|') as [string, string, string, string];
        return [icb, Number(year), band, sex, persons];
      }),
    );
    await ws.run('INSERT INTO projection_import VALUES ($1, now(), $2, $3, $4, $5)', [
      file,
      result.areaLevel,
      result.firstYear,
      result.lastYear,
      result.rowsRead,
    ]);
  });
  return result;
}
