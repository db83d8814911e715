// The atlas on a real workspace: the engine's one aggregation keeps activity with no age band, no sex
// ('U') or no residence apart; the stored atlas follows the run; a workspace with no population says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FootprintError } from '../../src/core/errors.ts';
import { DuckDbEngine } from '../../src/data/engines/duckdb.ts';
import { runBasisConversion } from '../../src/data/run/run-basis-conversion.ts';
import { computeAtlas, ensureAtlas, storeAtlasAfterRun } from '../../src/data/variation/compute-atlas.ts';
import { readAtlasRates, readAtlasRun } from '../../src/data/variation/read-atlas.ts';
import type { Workspace } from '../../src/data/workspace.ts';
import { createApiWorkspace, TEST_DATASET } from './api/support/api-workspace.ts';

let ws: Workspace;

beforeAll(async () => {
  ws = await createApiWorkspace(5_000);
  // Three more rows for QWE's sub-ICB 36L in service 11, 2024/25: no age band, sex U, and sex blank.
  await ws.run(
    `INSERT INTO activity (dataset, financial_year, month, provider_code, residence_code, service_code, pod, age_band,
                           sex, activity, cost, patients) VALUES
       ($1, '2024/25', 1, 'RJ7', '36L', '11', 'APC_EL', NULL, 'F', 4, 100.00, 1),
       ($1, '2024/25', 1, 'RJ7', '36L', '11', 'APC_EL', '40-44', 'U', 5, 100.00, 1),
       ($1, '2024/25', 1, 'RJ7', '36L', '11', 'APC_EL', '40-44', NULL, 6, 100.00, 1)`,
    [TEST_DATASET],
  );
  await runBasisConversion(ws, { dataset: TEST_DATASET });
}, 120_000);

afterAll(() => ws.close());

describe('atlas on a workspace', () => {
  it('the engine keeps unknown age, unknown sex and unknown residence apart, summing the rest', async () => {
    const cells = await new DuckDbEngine(ws).utilisationByIcbAgeSex({ dataset: TEST_DATASET, vintage: '2026' });
    const rows = await ws.one<{ n: number; activity: number }>(
      'SELECT CAST(count(*) AS INTEGER) AS n, CAST(sum(activity) AS DOUBLE) AS activity FROM activity WHERE dataset = $1',
      [TEST_DATASET],
    );
    expect(cells.reduce((t, c) => t + c.rows, 0)).toBe(rows!.n);
    expect(cells.reduce((t, c) => t + c.activity, 0)).toBe(rows!.activity);
    const qwe = cells.filter((c) => c.icbCode === 'QWE' && c.serviceCode === '11' && c.financialYear === '2024/25');
    expect(qwe.find((c) => c.ageBand === null)?.activity).toBe(4);
    // Sex 'U' and blank are both "not known".
    expect(qwe.find((c) => c.ageBand === '40-44' && c.sex === null)?.activity).toBe(11);
    expect(cells.some((c) => c.icbCode === null)).toBe(true);
  });

  it('stores the atlas with its provenance; unknown age or sex counts in the crude rate only', async () => {
    const summary = await computeAtlas(ws);
    expect(summary.unknownAgeSexActivity).toBe(15);
    expect(summary.unknownResidenceActivity).toBeGreaterThan(0);
    const [qwe] = await readAtlasRates(ws, TEST_DATASET, {
      year: '2024/25',
      service: '11',
      measure: 'activity',
      icb: 'QWE',
    });
    expect(qwe!.events - qwe!.standardisedEvents).toBe(15);
    const run = await readAtlasRun(ws, TEST_DATASET);
    expect(run).toMatchObject({ vintage: '2026', populationSource: 'gp-registered-2026-08', methodVersion: 'atlas-1' });
  });

  it('is recomputed after a new run, and not before', async () => {
    const first = (await readAtlasRun(ws, TEST_DATASET))!.computedAt;
    await ensureAtlas(ws);
    expect((await readAtlasRun(ws, TEST_DATASET))!.computedAt).toBe(first);
    await runBasisConversion(ws, { dataset: TEST_DATASET });
    await ensureAtlas(ws);
    const after = await readAtlasRun(ws, TEST_DATASET);
    const run = await ws.one<{ ranAt: string }>(
      "SELECT strftime(ran_at, '%Y-%m-%dT%H:%M:%SZ') AS \"ranAt\" FROM run WHERE dataset = $1 AND vintage = '2026'",
      [TEST_DATASET],
    );
    expect(after!.runAt).toBe(run!.ranAt);
  });

  it('is stored by the run of the current dataset, so its first view reads stored rows', async () => {
    const run = await runBasisConversion(ws, { dataset: TEST_DATASET });
    const stored = await storeAtlasAfterRun(ws, run);
    expect(stored?.rates).toBeGreaterThan(0);
    const ranAt = await ws.one<{ ranAt: string }>(
      "SELECT strftime(ran_at, '%Y-%m-%dT%H:%M:%SZ') AS \"ranAt\" FROM run WHERE dataset = $1 AND vintage = '2026'",
      [TEST_DATASET],
    );
    const atlas = await readAtlasRun(ws, TEST_DATASET);
    expect(atlas!.runAt).toBe(ranAt!.ranAt);
    // Nothing is left for the first view to compute.
    await ensureAtlas(ws);
    expect((await readAtlasRun(ws, TEST_DATASET))!.computedAt).toBe(atlas!.computedAt);
    // A run on the 2023 geography is not the atlas's: it leaves the stored atlas as it was.
    const old = await runBasisConversion(ws, { dataset: TEST_DATASET, vintage: '2023' });
    expect(await storeAtlasAfterRun(ws, old)).toBeNull();
    expect((await readAtlasRun(ws, TEST_DATASET))!.computedAt).toBe(atlas!.computedAt);
  });

  it('FP_ATLAS_NO_POPULATION when the workspace has no population by age and sex; nothing stored changes', async () => {
    const before = await ws.one<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM atlas_rate');
    await ws.run("CREATE TEMP TABLE kept AS SELECT * FROM population WHERE area_type = 'icb'");
    await ws.run("DELETE FROM population WHERE area_type = 'icb'");
    try {
      await computeAtlas(ws);
      throw new Error('expected FP_ATLAS_NO_POPULATION');
    } catch (error) {
      expect(error).toBeInstanceOf(FootprintError);
      expect((error as FootprintError).problem).toMatchObject({
        code: 'FP_ATLAS_NO_POPULATION',
        where: { parameter: 'population' },
      });
    } finally {
      await ws.run('INSERT INTO population SELECT * FROM kept');
    }
    expect(await ws.one('SELECT CAST(count(*) AS INTEGER) AS n FROM atlas_rate')).toEqual(before);
  });
});
