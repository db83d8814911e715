// The shipped reference files (data/reference), read through DuckDB as text so that a malformed file
// is reported by name and column rather than failing deep inside a load.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fail } from '../../core/errors.ts';
import type { Workspace } from '../workspace.ts';

/** data/reference at the project root, wherever the code runs from. */
export const DEFAULT_REFERENCE_DIR = resolve(import.meta.dirname, '../../../data/reference');

export const REFERENCE_FILES = {
  loc22: 'geography/loc22_icb22_nhser22_lookup_2022-07.csv',
  icbList2026: 'geography/icb_list_2026-08.csv',
  subIcb2026: 'geography/sub_icb_icb_region_lookup_2026-08.csv',
  practiceMap2026: 'geography/gp_practice_pcn_subicb_icb_region_2026-08.csv',
  icbBoundaries2023: 'geography/icb_2023-04_boundaries_bsc.geojson',
  icbBoundaries2026: 'geography/icb_2026-04_boundaries_bsc.geojson',
  subIcbBoundaries2023: 'geography/sub_icb_2023-04_boundaries_bsc.geojson',
  regionBoundaries: 'geography/nhs_england_regions_2024-01_boundaries_bsc.geojson',
  predecessors2026: 'geography/icb_2026-04_predecessors_and_glh.json',
  population: 'population/gp_registered_patients_single_year_age_sex_2026-08.csv',
  weighted2024: 'allocations/gp_practice_weighted_populations_2024-25.csv',
  weighted2025: 'allocations/gp_practice_weighted_populations_2025-26.csv',
  etr2025: 'providers/ods_etr_nhs_trusts_2025.csv',
  etr2026: 'providers/ods_etr_nhs_trusts_2026.csv',
  rttOrgLookup: 'activity/rtt_2026-04_org_lookup.csv',
  rttTotals: 'activity/rtt_2026-04_provider_commissioner_totals.csv',
  rttByTreatmentFunction: 'activity/rtt_2026-04_provider_commissioner_tfc.csv',
  services: 'services/specialised_services.csv',
  delegationWaves: 'services/delegation_waves.csv',
  jointCommittees: 'services/joint_committees.csv',
} as const;

export type ReferenceFileKey = keyof typeof REFERENCE_FILES;

export interface LoadedFile {
  path: string;
  rows: number;
  sha256: string;
}

/** Locates every shipped file, failing with FP_REFERENCE_FILE_MISSING on the first absent one. */
export function referencePaths(dir: string): Record<ReferenceFileKey, string> {
  const paths = {} as Record<ReferenceFileKey, string>;
  for (const [key, relative] of Object.entries(REFERENCE_FILES) as [ReferenceFileKey, string][]) {
    const path = join(dir, relative);
    if (!existsSync(path)) {
      fail('FP_REFERENCE_FILE_MISSING', `The reference file ${relative} is missing.`, {
        where: { file: path },
        hint: 'Restore data/reference from the repository, or pass the folder that holds the reference data.',
      });
    }
    paths[key] = path;
  }
  return paths;
}

export function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Reads a CSV into a temporary table of text columns and checks it has the columns the load uses. */
export async function stageCsv(
  ws: Workspace,
  table: string,
  path: string,
  columns: readonly string[],
): Promise<number> {
  await ws.run(
    `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM read_csv(${sqlString(path)}, header = true, all_varchar = true, sample_size = -1)`,
  );
  const present = new Set(
    (await ws.all<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${table})`)).map((c) => c.column_name),
  );
  for (const column of columns) {
    if (!present.has(column)) {
      fail('FP_REFERENCE_BAD_FILE', `The reference file lacks the column ${column}.`, {
        where: { file: path, field: column },
        received: [...present].join(', '),
      });
    }
  }
  const counted = await ws.one<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`);
  return counted?.n ?? 0;
}

/** The properties of every feature in a GeoJSON file. */
export function geoJsonProperties(path: string, required: readonly string[]): Record<string, unknown>[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { features?: { properties?: Record<string, unknown> }[] };
  const properties = (parsed.features ?? []).map((f) => f.properties ?? {});
  properties.forEach((p, index) => {
    for (const key of required) {
      if (typeof p[key] !== 'string' || p[key] === '') {
        fail('FP_REFERENCE_BAD_FILE', `A boundary feature has no ${key}.`, {
          where: { file: path, row: index + 1, field: key },
        });
      }
    }
  });
  return properties;
}
