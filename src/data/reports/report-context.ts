// What every report over a stored run needs: the dataset and vintage resolved and checked, with a run
// stored for them, and an --icb checked against the vintage's geography.
import { UNALLOCATED, type UnknownResidenceRule } from '../../core/basis/index.ts';
import { fail } from '../../core/errors.ts';
import { currentDataset } from '../datasets/current-dataset.ts';
import type { GeographyVintage } from '../engines/engine.ts';
import { parseVintage } from '../run/run-basis-conversion.ts';
import type { Workspace } from '../workspace.ts';

export interface ReportOptions {
  /** Default: the workspace setting 'current_dataset'. */
  dataset?: string;
  /** Default: '2026'. */
  vintage?: string;
  /** Only this financial year, e.g. '2024/25'. */
  year?: string;
  /** Only this ICB (ODS code in the vintage, or UNALLOCATED). */
  icb?: string;
  /** allocations only: sum the member ICBs of this footprint. */
  footprint?: string;
  /** allocations only: one row per region instead of per ICB. */
  byRegion?: boolean;
}

/** Provenance printed with every report: which results, which geography, which rule. */
export interface RunMeta {
  dataset: string;
  vintage: GeographyVintage;
  unknownResidenceRule: UnknownResidenceRule;
  ranAt: string;
}

export async function storedRun(ws: Workspace, options: ReportOptions): Promise<RunMeta> {
  const vintage = parseVintage(options.vintage ?? '2026');
  const dataset = options.dataset ?? (await currentDataset(ws));
  const run = dataset
    ? await ws.one<{ rule: UnknownResidenceRule; ran_at: string }>(
        'SELECT unknown_residence_rule AS rule, ran_at FROM run WHERE dataset = $1 AND vintage = $2',
        [dataset, vintage],
      )
    : undefined;
  if (!dataset || !run) {
    fail('FP_RUN_NOT_RUN', `No results are stored for dataset "${dataset ?? '(none)'}" on the ${vintage} geography.`, {
      where: { parameter: dataset ? '--dataset' : '--dataset (none given and no current dataset)' },
      received: dataset ?? '',
      hint: `Run \`footprint run${dataset ? ` --dataset ${dataset}` : ''} --geography ${vintage}\` first.`,
    });
  }
  if (options.icb !== undefined) await checkIcb(ws, options.icb, vintage);
  return { dataset, vintage, unknownResidenceRule: run.rule, ranAt: run.ran_at };
}

async function checkIcb(ws: Workspace, icb: string, vintage: GeographyVintage): Promise<void> {
  if (icb === UNALLOCATED) return;
  const known = await ws.one('SELECT 1 AS known FROM icb WHERE vintage = $1 AND icb_code = $2', [vintage, icb]);
  if (!known) {
    fail('FP_REPORT_UNKNOWN_ICB', `"${icb}" is not an ICB code in the ${vintage} geography.`, {
      where: { parameter: '--icb' },
      received: icb,
      accepted: `an ICB ODS code of the ${vintage} geography (see \`footprint report reference\`), or ${UNALLOCATED}`,
    });
  }
}
