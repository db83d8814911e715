// What a page's figures rest on: the current dataset, the stored run for a geography vintage (its
// unknown-residence rule) and the financial years it covers. Every API response carries this as its
// provenance, so a figure can be traced to its dataset, rule and year.
import { fail } from '../../core/errors.ts';
import { currentDataset } from '../datasets/current-dataset.ts';
import { DEFAULT_VINTAGE, type GeographyVintage } from '../reference/geography.ts';
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

export async function readRunContext(ws: Workspace, vintage: GeographyVintage = DEFAULT_VINTAGE): Promise<RunContext> {
  const dataset = (await currentDataset(ws)) ?? null;
  if (!dataset) return { dataset, vintage, rule: null, years: [] };
  const run = await ws.one<{ rule: string }>(
    'SELECT unknown_residence_rule AS rule FROM run WHERE dataset = $1 AND vintage = $2',
    [dataset, vintage],
  );
  const years = await ws.all<{ year: string }>(
    'SELECT DISTINCT financial_year AS year FROM allocation WHERE dataset = $1 AND vintage = $2 ORDER BY year',
    [dataset, vintage],
  );
  return { dataset, vintage, rule: run?.rule ?? null, years: years.map((y) => y.year) };
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
