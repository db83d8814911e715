// Creates a workspace ready to use: reference data loaded and, unless told not to, synthetic national
// activity generated, imported and converted to both bases.
import { join } from 'node:path';
import { generateActivity } from './generate/generate-activity.ts';
import { importActivity } from './import/import-activity.ts';
import { seedSyntheticKpis } from './quality/kpi-store.ts';
import { loadReference } from './reference/load-reference.ts';
import { runBasisConversion } from './run/run-basis-conversion.ts';
import { storeAtlasAfterRun } from './variation/compute-atlas.ts';
import { openWorkspace, type Workspace } from './workspace.ts';

/** Sized so that a first `npm start` on a 2-core machine finishes well inside two minutes. */
export const DEFAULT_ACTIVITY_ROWS = 1_000_000;
export const DEFAULT_SEED = 20240401;
export const SYNTHETIC_DATASET = 'synthetic';

export interface InitOptions {
  dir: string;
  activityRows?: number;
  seed?: number;
  withActivity?: boolean;
  onStep?: (step: string) => void;
  onProgress?: (label: string, done: number, total: number) => void;
}

export async function initWorkspace(options: InitOptions): Promise<Workspace> {
  const step = options.onStep ?? (() => {});
  const ws = await openWorkspace(options.dir, { create: true });
  try {
    step('Loading England reference data');
    await loadReference(ws, {
      onProgress: (_step, done, total) => options.onProgress?.('reference data', done, total),
    });
    // A few seeded quality KPIs (milliseconds), so the quality pages have something to show.
    await seedSyntheticKpis(ws, options.seed ?? DEFAULT_SEED);
    if (options.withActivity !== false) {
      const rows = options.activityRows ?? DEFAULT_ACTIVITY_ROWS;
      const seed = options.seed ?? DEFAULT_SEED;
      const file = join(options.dir, `synthetic-${seed}-${rows}.parquet`);
      step(`Generating ${rows.toLocaleString('en-GB')} rows of synthetic national activity (seed ${seed})`);
      await generateActivity(ws, {
        rows,
        seed,
        out: file,
        onProgress: (done, total) => options.onProgress?.('generate', done, total),
      });
      step('Importing the synthetic activity');
      await importActivity(ws, {
        file,
        dataset: SYNTHETIC_DATASET,
        onProgress: (phase, done, total) => options.onProgress?.(`import ${phase}`, done, total),
      });
      step('Converting spend to provider and population basis');
      await storeAtlasAfterRun(ws, await runBasisConversion(ws, { dataset: SYNTHETIC_DATASET }));
    }
    return ws;
  } catch (error) {
    ws.close();
    throw error;
  }
}
