// Reads what the synthetic generator needs from a workspace (2026 sub-ICB areas with population-weighted
// centroids, populations by age band and sex, located open NHS trusts with their region) and from the
// shipped RTT extract (completed pathways per provider and treatment function, which rank providers),
// plus the assumptions file. Every query orders its rows, so the same workspace gives the same model.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GeneratorAssumptions } from '../../core/definitions/generator-assumptions.ts';
import { parseGeneratorAssumptions } from '../../core/definitions/generator-assumptions.ts';
import { fail } from '../../core/errors.ts';
import type { GeneratorInputs, ModelFlow, ModelPopulation, ModelProvider } from '../../core/generate/activity-model.ts';
import { applyRttSuccessors, fillRttGaps, placeUnplacedPathways } from '../../core/generate/rtt-gaps.ts';
import type { CatalogueService } from '../../core/generate/service-profiles.ts';
import type { AgeBand } from '../../core/population/age-bands.ts';
import { DEFAULT_REFERENCE_DIR, REFERENCE_FILES } from '../reference/reference-files.ts';
import type { Workspace } from '../workspace.ts';

export const DEFAULT_ASSUMPTIONS_FILE = resolve(import.meta.dirname, '../../../definitions/generator-assumptions.json');

/** Reads and checks definitions/generator-assumptions.json; any problem is a FootprintError naming the field. */
export function readGeneratorAssumptions(file = DEFAULT_ASSUMPTIONS_FILE): GeneratorAssumptions {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail('FP_GENERATE_BAD_ASSUMPTIONS', 'The generator assumptions file cannot be read as JSON.', {
      where: { file },
      received: error instanceof Error ? error.message : String(error),
    });
  }
  const parsed = parseGeneratorAssumptions(json, file);
  if (!parsed.value) {
    const first = parsed.issues[0]!;
    fail('FP_GENERATE_BAD_ASSUMPTIONS', `${first.message} (${parsed.issues.length} problem(s) in all)`, {
      where: first.where,
      received: first.received,
    });
  }
  return parsed.value;
}

/** The RTT parts that count completed pathways; the other parts are waiting lists and clock starts. */
export const COMPLETED_PATHWAY_PARTS = ['Part_1A', 'Part_1B'] as const;

/** A DuckDB SQL string literal. */
export const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

export function rttFile(referenceDir = DEFAULT_REFERENCE_DIR): string {
  return join(referenceDir, REFERENCE_FILES.rttByTreatmentFunction);
}

/** The generator's inputs, with trusts missing from the RTT extract filled in from their comparators
 * (assumptions `rttGaps`) and children's hospitals' hub-commissioned pathways placed (`childrensHospitals`). */
export async function readGeneratorInputs(
  ws: Workspace,
  referenceDir = DEFAULT_REFERENCE_DIR,
  assumptions: GeneratorAssumptions = readGeneratorAssumptions(),
): Promise<GeneratorInputs> {
  const raw = await readRawGeneratorInputs(ws, referenceDir);
  const filled = fillRttGaps(applyRttSuccessors(raw, assumptions.rttSuccessors), assumptions.rttGaps);
  return placeUnplacedPathways(filled, assumptions.childrensHospitals?.providers ?? []);
}

async function readRawGeneratorInputs(ws: Workspace, referenceDir: string): Promise<GeneratorInputs> {
  const areas = await ws.all<{ code: string; icbCode: string; latitude: number | null; longitude: number | null }>(`
    WITH weights AS (
      SELECT practice_code, population FROM weighted_population
      WHERE financial_year = (SELECT max(financial_year) FROM weighted_population)
    )
    SELECT s.sub_icb_code AS code, s.icb_code AS "icbCode",
      sum(coalesce(w.population, 1) * g.latitude) / sum(coalesce(w.population, 1)) AS latitude,
      sum(coalesce(w.population, 1) * g.longitude) / sum(coalesce(w.population, 1)) AS longitude
    FROM sub_icb s
    LEFT JOIN gp_practice g ON g.sub_icb_code = s.sub_icb_code AND g.latitude IS NOT NULL AND g.longitude IS NOT NULL
    LEFT JOIN weights w ON w.practice_code = g.practice_code
    WHERE s.vintage = '2026'
    GROUP BY ALL
    ORDER BY code`);
  const older = await ws.all<{ code: string; icb: string }>(`
    SELECT code, icb_2026 AS icb FROM residence_map
    WHERE source_vintage LIKE '%2023%' AND source_vintage NOT LIKE '%2026%'
      AND NOT regexp_matches(code, '^E[0-9]{8}$')
    ORDER BY code`);
  const population = await ws.all<ModelPopulation>(`
    SELECT area_code AS "areaCode", sex, age_band AS "ageBand", persons
    FROM population
    WHERE area_type = 'sub-icb' AND sex IN ('M', 'F')
      AND source = (SELECT max_by(source, as_at) FROM population WHERE area_type = 'sub-icb')
    ORDER BY area_code, sex, age_band`);
  const providers = await ws.all<Omit<ModelProvider, 'volumes'>>(`
    SELECT p.provider_code AS code, p.name, p.host_icb AS "hostIcb", i.region_code AS "regionCode",
      p.latitude, p.longitude
    FROM provider p JOIN icb i ON i.vintage = '2026' AND i.icb_code = p.host_icb
    WHERE p.kind = 'nhs-trust' AND p.close_date IS NULL AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL
    ORDER BY code`);
  const volumes = await ws.all<{ provider: string; tfc: string; n: number }>(`
    SELECT PROVIDER_ORG_CODE AS provider, TREATMENT_FUNCTION_CODE AS tfc, sum(TOTAL_ALL)::DOUBLE AS n
    FROM read_csv(${sqlText(rttFile(referenceDir))}, header = true, auto_detect = false,
      columns = {'PROVIDER_ORG_CODE': 'VARCHAR', 'COMMISSIONER_ORG_CODE': 'VARCHAR', 'RTT_PART_TYPE': 'VARCHAR',
        'TREATMENT_FUNCTION_CODE': 'VARCHAR', 'TOTAL_ALL': 'BIGINT', 'WITHIN_18_WEEKS': 'BIGINT',
        'OVER_18_WEEKS': 'BIGINT', 'OVER_52_WEEKS': 'BIGINT'})
    WHERE RTT_PART_TYPE IN ('Part_1A', 'Part_1B')
    GROUP BY ALL
    ORDER BY provider, tfc`);
  // Real admitted flows from each 2026 sub-ICB area (RTT commissioners are sub-ICB locations) to each
  // provider; hub and other non-area commissioner codes drop out in the join.
  const flows = await ws.all<ModelFlow>(`
    SELECT r.COMMISSIONER_ORG_CODE AS area, r.PROVIDER_ORG_CODE AS provider, r.TREATMENT_FUNCTION_CODE AS tfc,
      sum(r.TOTAL_ALL)::DOUBLE AS pathways
    FROM read_csv(${sqlText(rttFile(referenceDir))}, header = true, auto_detect = false,
      columns = {'PROVIDER_ORG_CODE': 'VARCHAR', 'COMMISSIONER_ORG_CODE': 'VARCHAR', 'RTT_PART_TYPE': 'VARCHAR',
        'TREATMENT_FUNCTION_CODE': 'VARCHAR', 'TOTAL_ALL': 'BIGINT', 'WITHIN_18_WEEKS': 'BIGINT',
        'OVER_18_WEEKS': 'BIGINT', 'OVER_52_WEEKS': 'BIGINT'}) r
    JOIN sub_icb s ON s.vintage = '2026' AND s.sub_icb_code = r.COMMISSIONER_ORG_CODE
    WHERE r.RTT_PART_TYPE = 'Part_1A' AND r.TOTAL_ALL > 0
    GROUP BY ALL
    ORDER BY area, provider, tfc`);
  const unplaced = await ws.all<{ provider: string; pathways: number }>(`
    SELECT r.PROVIDER_ORG_CODE AS provider, sum(r.TOTAL_ALL)::DOUBLE AS pathways
    FROM read_csv(${sqlText(rttFile(referenceDir))}, header = true, auto_detect = false,
      columns = {'PROVIDER_ORG_CODE': 'VARCHAR', 'COMMISSIONER_ORG_CODE': 'VARCHAR', 'RTT_PART_TYPE': 'VARCHAR',
        'TREATMENT_FUNCTION_CODE': 'VARCHAR', 'TOTAL_ALL': 'BIGINT', 'WITHIN_18_WEEKS': 'BIGINT',
        'OVER_18_WEEKS': 'BIGINT', 'OVER_52_WEEKS': 'BIGINT'}) r
    ANTI JOIN sub_icb s ON s.vintage = '2026' AND s.sub_icb_code = r.COMMISSIONER_ORG_CODE
    WHERE r.RTT_PART_TYPE = 'Part_1A' AND r.TOTAL_ALL > 0
    GROUP BY ALL
    ORDER BY provider`);
  const practices = await ws.all<{ code: string; area: string; persons: number }>(`
    SELECT g.practice_code AS code, g.sub_icb_code AS area, w.population::DOUBLE AS persons
    FROM gp_practice g
    JOIN weighted_population w ON w.practice_code = g.practice_code
      AND w.financial_year = (SELECT max(financial_year) FROM weighted_population)
    WHERE w.population > 0
    ORDER BY area, code`);
  const services = await ws.all<{ code: string; name: string; poc: string | null; hss: boolean | null }>(`
    SELECT service_code AS code, name, programme_of_care AS poc, highly_specialised AS hss
    FROM service WHERE is_current ORDER BY service_code`);

  const volumeByProvider = new Map<string, Record<string, number>>();
  for (const v of volumes) {
    const entry = volumeByProvider.get(v.provider) ?? {};
    entry[v.tfc] = v.n;
    volumeByProvider.set(v.provider, entry);
  }
  const icbOf = new Map(areas.map((a) => [a.code, a.icbCode]));
  const missing = [
    areas.length === 0 ? 'sub_icb (2026)' : null,
    population.length === 0 ? 'population (sub-icb)' : null,
    providers.length === 0 ? 'provider (located NHS trusts)' : null,
    services.length === 0 ? 'service' : null,
  ].filter((m): m is string => m !== null);
  if (missing.length > 0) {
    fail('FP_GENERATE_NO_MODEL_INPUT', `The workspace has no ${missing.join(', ')}.`, {
      where: { file: ws.file, field: missing[0] },
      hint: 'Create the workspace with `footprint init --no-activity` (it loads the reference data) and try again.',
    });
  }
  return {
    areas: areas
      .filter((a) => a.latitude !== null && a.longitude !== null)
      .map((a) => ({
        code: a.code,
        icbCode: a.icbCode,
        latitude: a.latitude!,
        longitude: a.longitude!,
        olderCodes: older.filter((o) => o.icb === icbOf.get(a.code) && o.code !== a.code).map((o) => o.code),
      })),
    population: population.map((p) => ({ ...p, ageBand: p.ageBand as AgeBand })),
    providers: providers.map((p) => ({ ...p, volumes: volumeByProvider.get(p.code) ?? {} })),
    mergedVolumes: Object.fromEntries(
      [...volumeByProvider].filter(([code]) => !providers.some((p) => p.code === code)),
    ),
    flows,
    unplacedPathways: Object.fromEntries(unplaced.map((u) => [u.provider, u.pathways])),
    practices,
    services: services.map(
      (s): CatalogueService => ({
        serviceCode: s.code,
        name: s.name,
        programmeOfCare: s.poc,
        highlySpecialised: s.hss,
      }),
    ),
  };
}
