// What figures rest on: the dataset (the one asked for, else the connection's current dataset), the stored
// run for a geography vintage (its unknown-residence rule and when it ran) and the financial years it
// covers. The one place a run is resolved: the API's answers (?dataset=, ?geography=), the command line's
// reports and commands (--dataset, --geography) and the exports all call readRunContext; a report that
// needs a stored run then asks requireRun for it.
import type { UnknownResidenceRule } from '../../core/basis/index.ts';
import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE, type GeographyVintage } from '../../core/geography/vintage.ts';
import type { FinancialYear } from '../../core/units.ts';
import { currentDataset, requireDataset } from '../datasets/current-dataset.ts';
import type { Workspace } from '../workspace.ts';

/** What a request or command asks of the run: the same two words on the command line and in a query. */
export interface RunAsk {
  /** --dataset / ?dataset=: default the connection's current dataset. Checked to exist. */
  dataset?: string;
  /** --geography / ?geography=: default DEFAULT_VINTAGE (the current geography). */
  geography?: GeographyVintage;
}

export interface RunContext {
  /** null when nothing has been imported and run yet. */
  dataset: string | null;
  vintage: GeographyVintage;
  /** The unknown-residence rule of the stored run; null with no run. */
  rule: UnknownResidenceRule | null;
  /** When the stored run ran; null with no run. */
  ranAt: string | null;
  /** Financial years with stored allocations, oldest first. */
  years: FinancialYear[];
}

/** Provenance printed with every report: which results, which geography, which rule. */
export interface RunMeta {
  dataset: string;
  vintage: GeographyVintage;
  unknownResidenceRule: UnknownResidenceRule;
  ranAt: string;
}

/** The run context of ask.dataset (default: the current one) on ask.geography (default: the current
 * geography). A dataset asked for that does not exist is FP_DATASET_NOT_FOUND on datasetParameter. */
export async function readRunContext(
  ws: Workspace,
  ask: RunAsk = {},
  datasetParameter = 'dataset',
): Promise<RunContext> {
  const vintage = ask.geography ?? DEFAULT_VINTAGE;
  if (ask.dataset !== undefined) await requireDataset(ws, ask.dataset, datasetParameter);
  const dataset = ask.dataset ?? (await currentDataset(ws)) ?? null;
  if (!dataset) return { dataset, vintage, rule: null, ranAt: null, years: [] };
  const run = await ws.one<{ rule: UnknownResidenceRule; ranAt: string }>(
    'SELECT unknown_residence_rule AS rule, ran_at AS "ranAt" FROM run WHERE dataset = $1 AND vintage = $2',
    [dataset, vintage],
  );
  const years = await ws.all<{ year: FinancialYear }>(
    'SELECT DISTINCT financial_year AS year FROM allocation WHERE dataset = $1 AND vintage = $2 ORDER BY year',
    [dataset, vintage],
  );
  return { dataset, vintage, rule: run?.rule ?? null, ranAt: run?.ranAt ?? null, years: years.map((y) => y.year) };
}

/** The stored run a report reads; FP_RUN_NOT_RUN, with the command that makes one, when none is stored. */
export function requireRun(context: RunContext): RunMeta {
  const { dataset, vintage, rule, ranAt } = context;
  if (!dataset || !rule || !ranAt) {
    fail('FP_RUN_NOT_RUN', `No results are stored for dataset "${dataset ?? '(none)'}" on the ${vintage} geography.`, {
      where: { parameter: dataset ? '--dataset' : '--dataset (none given and no current dataset)' },
      received: dataset ?? '',
      hint: `Run \`footprint run${dataset ? ` --dataset ${dataset}` : ''} --geography ${vintage}\` first.`,
    });
  }
  return { dataset, vintage, unknownResidenceRule: rule, ranAt };
}

/** The year asked for, or the latest stored year; FP_HTTP_BAD_REQUEST naming the years there are when the
 * one asked for has no results. null when there are no results at all. */
export function chooseYear(
  context: RunContext,
  asked: FinancialYear | undefined,
  parameter = 'year',
): FinancialYear | null {
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
