// Computes the atlas of variation for the current dataset and stores it with what it rests on: one engine
// aggregation of activity (year × ICB × service × age band × sex), the registered population by ICB, age
// band and sex, and the needs index for peer groups; everything else is src/core/variation. The stored
// atlas is replaced whole, in one transaction, and is recomputed when the basis-conversion run it followed
// changes (ensureAtlas).

import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE } from '../../core/geography/vintage.ts';
import type { AgeBand } from '../../core/population/age-bands.ts';
import type { IcbCode } from '../../core/units.ts';
import {
  type Atlas,
  buildAtlas,
  type IcbNeed,
  PEER_RULE,
  type PopulationBand,
  STANDARD_POPULATION_NAME,
} from '../../core/variation/index.ts';
import { currentDataset, workspaceCurrentDataset } from '../datasets/current-dataset.ts';
import type { ActivityEngine } from '../engines/engine.ts';
import { withActivityEngine } from '../engines/open-engine.ts';
import { icbNeedsIndex } from '../planning/needs-index.ts';
import type { Workspace } from '../workspace.ts';
import { appendRows } from './append-rows.ts';

/** Populations by age and sex are published on 2026 ICBs only, so the atlas is on that geography. */
export const ATLAS_VINTAGE = DEFAULT_VINTAGE;
/** Goes up when the method changes, so a stored atlas says which method made it. */
export const ATLAS_METHOD_VERSION = 'atlas-1';

export interface AtlasRunSummary {
  dataset: string;
  runAt: string;
  populationSource: string;
  needYear: string | null;
  cellsRead: number;
  rates: number;
  funnelPoints: number;
  seconds: number;
  /** Seconds in the engine's aggregation alone. */
  aggregationSeconds: number;
  unknownResidenceActivity: number;
  unknownAgeSexActivity: number;
}

interface AtlasBasis {
  dataset: string;
  runAt: string;
}

async function currentBasis(ws: Workspace): Promise<AtlasBasis> {
  const dataset = await currentDataset(ws);
  const run = dataset
    ? await ws.one<{ ran_at: string }>(
        'SELECT CAST(ran_at AS VARCHAR) AS ran_at FROM run WHERE dataset = $1 AND vintage = $2',
        [dataset, ATLAS_VINTAGE],
      )
    : undefined;
  if (!dataset || !run) {
    fail('FP_RUN_NOT_RUN', 'The atlas of variation needs imported activity converted by `footprint run` first.', {
      where: { parameter: 'dataset' },
      received: dataset ?? 'no current dataset',
      hint: 'Run `footprint init` or `footprint import` and then `footprint run`.',
    });
  }
  return { dataset, runAt: run.ran_at };
}

/** The stored atlas's run time for the dataset, or null when none is stored. */
async function storedRunAt(ws: Workspace, dataset: string): Promise<string | null> {
  const row = await ws.one<{ run_at: string }>(
    'SELECT CAST(run_at AS VARCHAR) AS run_at FROM atlas_run WHERE dataset = $1',
    [dataset],
  );
  return row?.run_at ?? null;
}

/**
 * Stores the atlas as part of a run of the current dataset on the atlas's geography, so its pages answer
 * from stored rows rather than computing on first view. Returns null (nothing computed) for a run of
 * another dataset or geography; the atlas is then computed when it is next asked for.
 */
export async function storeAtlasAfterRun(
  ws: Workspace,
  run: { dataset: string; vintage: string },
  engine?: ActivityEngine,
): Promise<AtlasRunSummary | null> {
  if (run.vintage !== ATLAS_VINTAGE || (await workspaceCurrentDataset(ws)) !== run.dataset) return null;
  // A workspace without registered populations (a toy geography, a partial load) has no rates to store: the
  // run stands, and the atlas page says why when asked (FP_ATLAS_NO_POPULATION) instead of the run failing.
  const populated = await ws.one(
    "SELECT 1 AS found FROM population WHERE area_type = 'icb' AND sex IN ('M', 'F') LIMIT 1",
  );
  if (!populated) return null;
  return computeAtlas(ws, engine);
}

/** Computes and stores the atlas unless the stored one was made after the current run. Returns the dataset. */
export async function ensureAtlas(ws: Workspace): Promise<string> {
  const basis = await currentBasis(ws);
  if ((await storedRunAt(ws, basis.dataset)) !== basis.runAt) await computeAtlas(ws);
  return basis.dataset;
}

async function readPopulations(ws: Workspace): Promise<{ source: string; bands: PopulationBand[] }> {
  const rows = await ws.all<{ source: string; icb: string; band: string; sex: 'M' | 'F'; persons: number }>(
    `SELECT source, area_code AS icb, age_band AS band, sex, persons FROM population
     WHERE area_type = 'icb' AND sex IN ('M', 'F')
       AND source = (SELECT max(source) FROM population WHERE area_type = 'icb')
       AND area_code IN (SELECT icb_code FROM icb WHERE vintage = $1)`,
    [ATLAS_VINTAGE],
  );
  if (rows.length === 0) {
    fail('FP_ATLAS_NO_POPULATION', 'The workspace has no registered population by ICB, age band and sex.', {
      where: { parameter: 'population' },
      hint: 'Load the reference data with `footprint init`.',
    });
  }
  return {
    source: rows[0]!.source,
    bands: rows.map((r) => ({ icbCode: r.icb as IcbCode, ageBand: r.band as AgeBand, sex: r.sex, persons: r.persons })),
  };
}

/** Need per head: each ICB's general and acute weighted population ÷ its registered population. */
async function readNeeds(ws: Workspace, bands: readonly PopulationBand[], latestYear: string) {
  const index = await icbNeedsIndex(ws, latestYear);
  if (!index) return { year: null, needs: [] as IcbNeed[] };
  const registered = new Map<string, number>();
  for (const band of bands) registered.set(band.icbCode, (registered.get(band.icbCode) ?? 0) + band.persons);
  const needs = [...index.byIcb].flatMap(([icb, weighted]) => {
    const persons = registered.get(icb);
    return persons ? [{ icbCode: icb as IcbCode, needIndex: weighted / persons }] : [];
  });
  return { year: index.financialYear, needs };
}

export async function computeAtlas(ws: Workspace, engine?: ActivityEngine): Promise<AtlasRunSummary> {
  if (!engine) return withActivityEngine(ws, (opened) => computeAtlas(ws, opened));
  const started = performance.now();
  const basis = await currentBasis(ws);
  const cells = await engine.utilisationByIcbAgeSex({ dataset: basis.dataset, vintage: ATLAS_VINTAGE });
  const aggregationSeconds = (performance.now() - started) / 1000;
  const population = await readPopulations(ws);
  const latestYear = [...new Set(cells.map((c) => c.financialYear))].sort().at(-1) ?? '';
  const need = await readNeeds(ws, population.bands, latestYear);
  const atlas = buildAtlas({ cells, populations: population.bands, needs: need.needs });
  await ws.transaction(async () => {
    for (const table of ['atlas_rate', 'atlas_variation', 'atlas_funnel_limit', 'atlas_peer', 'atlas_run']) {
      await ws.run(`DELETE FROM ${table} WHERE dataset = $1`, [basis.dataset]);
    }
    await storeAtlas(ws, basis.dataset, atlas);
    await ws.run(
      `INSERT INTO atlas_run VALUES ($1, $2, CAST($3 AS TIMESTAMP), $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())`,
      [
        basis.dataset,
        ATLAS_VINTAGE,
        basis.runAt,
        population.source,
        STANDARD_POPULATION_NAME,
        PEER_RULE,
        need.year,
        engine.name,
        ATLAS_METHOD_VERSION,
        cells.length,
        atlas.unknownResidenceActivity,
        atlas.unknownAgeSexActivity,
        (performance.now() - started) / 1000,
      ],
    );
  });
  return {
    dataset: basis.dataset,
    runAt: basis.runAt,
    populationSource: population.source,
    needYear: need.year,
    cellsRead: cells.length,
    rates: atlas.rates.length,
    funnelPoints: atlas.funnels.length,
    seconds: (performance.now() - started) / 1000,
    aggregationSeconds,
    unknownResidenceActivity: atlas.unknownResidenceActivity,
    unknownAgeSexActivity: atlas.unknownAgeSexActivity,
  };
}

async function storeAtlas(ws: Workspace, dataset: string, atlas: Atlas): Promise<void> {
  await appendRows(
    ws,
    'atlas_rate',
    [
      ...(['text', 'text', 'text', 'text', 'text'] as const),
      ...(['double', 'double', 'double'] as const),
      ...(['double', 'double', 'double', 'double', 'double', 'text'] as const),
      ...(['double', 'double', 'double', 'double', 'double', 'text', 'text'] as const),
      ...(['text', 'text', 'double', 'double', 'double', 'double', 'integer'] as const),
    ],
    atlas.rates.map((r) => [
      dataset,
      r.financialYear,
      r.serviceCode,
      r.icbCode,
      r.measure,
      r.events,
      r.standardisedEvents,
      r.population,
      r.crude.value,
      r.crude.lower95,
      r.crude.upper95,
      r.crude.lower998,
      r.crude.upper998,
      r.crude.method,
      r.standardised.value,
      r.standardised.lower95,
      r.standardised.upper95,
      r.standardised.lower998,
      r.standardised.upper998,
      r.standardised.method,
      r.standardised.note,
      r.significance,
      r.significanceOverdispersed,
      r.funnelPopulation,
      r.previousStandardisedRate,
      r.changeSincePrevious,
      r.peerMeanRate,
      r.peerRank,
    ]),
  );
  await appendRows(
    ws,
    'atlas_variation',
    [
      ...(['text', 'text', 'text', 'text', 'integer'] as const),
      ...(['double', 'double', 'double', 'double'] as const),
      ...(['double', 'double', 'double', 'double', 'double', 'double', 'double'] as const),
      ...(['double', 'double', 'boolean', 'integer', 'integer', 'integer', 'integer', 'double'] as const),
    ],
    atlas.variation.map((v) => [
      dataset,
      v.financialYear,
      v.serviceCode,
      v.measure,
      v.units,
      v.englandEvents,
      v.englandPopulation,
      v.englandCrudeRate,
      v.funnelBaseline,
      v.mean,
      v.sd,
      v.cv,
      v.q1,
      v.median,
      v.q3,
      v.iqr,
      v.previousCv,
      v.cvChange,
      v.narrowing,
      v.high998,
      v.high95,
      v.low95,
      v.low998,
      v.tau2,
    ]),
  );
  await appendRows(
    ws,
    'atlas_funnel_limit',
    [
      'text',
      'text',
      'text',
      'text',
      'integer',
      'double',
      'double',
      'double',
      'double',
      'double',
      'double',
      'double',
      'double',
      'double',
    ],
    atlas.funnels.map((f) => [
      dataset,
      f.financialYear,
      f.serviceCode,
      f.measure,
      f.point,
      f.events,
      f.lower95Population,
      f.lower95Rate,
      f.upper95Population,
      f.upper95Rate,
      f.lower998Population,
      f.lower998Rate,
      f.upper998Population,
      f.upper998Rate,
    ]),
  );
  await appendRows(
    ws,
    'atlas_peer',
    ['text', 'text', 'text', 'integer', 'double', 'double'],
    atlas.peers.map((p) => [dataset, p.icbCode, p.peerIcb, p.nearness, p.needIndex, p.peerNeedIndex]),
  );
}
