// What figures rest on: the dataset (the one asked for, else the connection's current dataset), the stored
// run for a geography vintage (its unknown-residence rule and when it ran) and the financial years it
// covers. The one place a run is resolved: the API's answers (readRunContext, carried as their provenance)
// and the command line's reports (storedRun, which insists on a run) both ask here.
import type { UnknownResidenceRule } from '../../core/basis/index.ts';
import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE, type GeographyVintage } from '../../core/geography/vintage.ts';
import { currentDataset } from '../datasets/current-dataset.ts';
import { parseVintage } from '../reference/geography.ts';
import type { Workspace } from '../workspace.ts';

export interface RunContext {
  /** null when nothing has been imported and run yet. */
  dataset: string | null;
  vintage: GeographyVintage;
  /** The unknown-residence rule of the stored run; null with no run. */
  rule: string | null;
  /** Financial years with stored allocations, oldest first. */
  years: string[];
}

/** Provenance printed with every report: which results, which geography, which rule. */
export interface RunMeta {
  dataset: string;
  vintage: GeographyVintage;
  unknownResidenceRule: UnknownResidenceRule;
  ranAt: string;
}

async function runOf(
  ws: Workspace,
  dataset: string,
  vintage: GeographyVintage,
): Promise<{ rule: UnknownResidenceRule; ranAt: string } | undefined> {
  return ws.one<{ rule: UnknownResidenceRule; ranAt: string }>(
    'SELECT unknown_residence_rule AS rule, ran_at AS "ranAt" FROM run WHERE dataset = $1 AND vintage = $2',
    [dataset, vintage],
  );
}

/** The run context of dataset (default: the current one) on vintage (default: the current geography). */
export async function readRunContext(
  ws: Workspace,
  vintage: GeographyVintage = DEFAULT_VINTAGE,
  dataset?: string,
): Promise<RunContext> {
  const chosen = dataset ?? (await currentDataset(ws)) ?? null;
  if (!chosen) return { dataset: chosen, vintage, rule: null, years: [] };
  const run = await runOf(ws, chosen, vintage);
  const years = await ws.all<{ year: string }>(
    'SELECT DISTINCT financial_year AS year FROM allocation WHERE dataset = $1 AND vintage = $2 ORDER BY year',
    [chosen, vintage],
  );
  return { dataset: chosen, vintage, rule: run?.rule ?? null, years: years.map((y) => y.year) };
}

/** The stored run a report reads: --dataset (default the current one) on --geography (default the current
 * geography); FP_RUN_NOT_RUN, with the command that makes one, when none is stored. */
export async function storedRun(ws: Workspace, options: { dataset?: string; vintage?: string }): Promise<RunMeta> {
  const vintage = parseVintage(options.vintage ?? DEFAULT_VINTAGE);
  const dataset = options.dataset ?? (await currentDataset(ws));
  const run = dataset ? await runOf(ws, dataset, vintage) : undefined;
  if (!dataset || !run) {
    fail('FP_RUN_NOT_RUN', `No results are stored for dataset "${dataset ?? '(none)'}" on the ${vintage} geography.`, {
      where: { parameter: dataset ? '--dataset' : '--dataset (none given and no current dataset)' },
      received: dataset ?? '',
      hint: `Run \`footprint run${dataset ? ` --dataset ${dataset}` : ''} --geography ${vintage}\` first.`,
    });
  }
  return { dataset, vintage, unknownResidenceRule: run.rule, ranAt: run.ranAt };
}

/** The year asked for, or the latest stored year; FP_HTTP_BAD_REQUEST naming the years there are when the
 * one asked for has no results. null when there are no results at all. */
export function chooseYear(context: RunContext, asked: string | undefined, parameter = 'year'): string | null {
  if (asked === undefined) return context.years.at(-1) ?? null;
  if (!context.years.includes(asked)) {
    fail('FP_HTTP_BAD_REQUEST', `There are no results for the financial year ${asked}.`, {
      where: { parameter },
      received: asked,
      accepted: context.years.length ? context.years.join(', ') : 'none yet: run `footprint run` first',
    });
  }
  return asked;
}
