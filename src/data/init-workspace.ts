// Creates a workspace ready to use: reference data loaded and, unless told not to, synthetic national
// activity generated, imported and converted to both bases, and a baseline plan for every ICB stored.
import { join } from 'node:path';
import type { WorkUnit } from '../core/work-unit.ts';
import { generateActivity } from './generate/generate-activity.ts';
import { importActivity } from './import/import-activity.ts';
import { storeBaselinePlan } from './planning/baseline-scenarios.ts';
import { seedSyntheticKpis } from './quality/kpi-store.ts';
import { loadReference } from './reference/load-reference.ts';
import { runBasisConversion } from './run/run-basis-conversion.ts';
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
  onProgress?: (label: string, done: number, total: number, unit?: WorkUnit) => void;
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
        onProgress: (done, total) => options.onProgress?.('generate', done, total, 'rows'),
      });
      step('Importing the synthetic activity');
      await importActivity(ws, {
        file,
        dataset: SYNTHETIC_DATASET,
        onProgress: (phase, done, total, unit) => options.onProgress?.(`import ${phase}`, done, total, unit),
      });
      step('Converting spend to provider and population basis');
      await runBasisConversion(ws, { dataset: SYNTHETIC_DATASET });
      step('Planning a baseline for every ICB on the current planning round template');
      await storeBaselinePlan(ws);
    }
    return ws;
  } catch (error) {
    ws.close();
    throw error;
  }
}
