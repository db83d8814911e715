// A plan's base year: the current dataset's population-basis spend in that year by resident ICB, provider,
// service and point of delivery, read in one grouped aggregation of activity with the unknown-residence
// rule of the stored run (so the lines add up to the stored population-basis allocations).

import type { UnknownResidenceRule } from '../../core/basis/index.ts';
import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE, type GeographyVintage } from '../../core/geography/vintage.ts';
import type { SpendLine } from '../../core/growth/do-nothing.ts';
import type { FinancialYear } from '../../core/units.ts';
import { currentDataset } from '../datasets/current-dataset.ts';
import type { ActivityEngine } from '../engines/engine.ts';
import { withActivityEngine } from '../engines/open-engine.ts';
import { storedSpendByPod } from '../run/run-answers.ts';
import type { Workspace } from '../workspace.ts';

/** Plans use the current ICBs. */
export const PLAN_VINTAGE: GeographyVintage = DEFAULT_VINTAGE;

export interface BaseYearSpend {
  dataset: string;
  vintage: GeographyVintage;
  unknownResidenceRule: UnknownResidenceRule;
  /** When the run whose rule was used was made (ISO text). */
  runAt: string;
  financialYear: FinancialYear;
  /** Spend lines in pounds by resident ICB. */
  linesByIcb: Map<string, SpendLine[]>;
}

/** The run the plan rests on: the current dataset's stored run on the plan vintage. */
export async function planRun(ws: Workspace): Promise<{ dataset: string; rule: UnknownResidenceRule; runAt: string }> {
  const dataset = await currentDataset(ws);
  const run = dataset
    ? await ws.one<{ rule: string; runAt: string }>(
        'SELECT unknown_residence_rule AS rule, CAST(ran_at AS VARCHAR) AS "runAt" FROM run WHERE dataset = $1 AND vintage = $2',
        [dataset, PLAN_VINTAGE],
      )
    : undefined;
  if (!dataset || !run) {
    fail('FP_RUN_NOT_RUN', 'A plan grows population-basis spend, and this workspace has none yet.', {
      where: { field: 'baseYear' },
      received: dataset ? `dataset "${dataset}" with no run on the ${PLAN_VINTAGE} geography` : 'no current dataset',
      hint: 'Import activity with `footprint import FILE`, then `footprint run`.',
    });
  }
  return { dataset, rule: run.rule as UnknownResidenceRule, runAt: run.runAt };
}

/** The years a plan can start from: those of the dataset's stored run on the plan vintage. */
export async function yearsWithSpend(ws: Workspace, dataset: string): Promise<FinancialYear[]> {
  const rows = await ws.all<{ year: FinancialYear }>(
    'SELECT DISTINCT financial_year AS year FROM run_total WHERE dataset = $1 AND vintage = $2 ORDER BY year',
    [dataset, PLAN_VINTAGE],
  );
  return rows.map((r) => r.year);
}

export async function readBaseYearSpend(
  ws: Workspace,
  baseYear: FinancialYear,
  engine?: ActivityEngine,
): Promise<BaseYearSpend> {
  if (!engine) return withActivityEngine(ws, (opened) => readBaseYearSpend(ws, baseYear, opened));
  const { dataset, rule, runAt } = await planRun(ws);
  const years = await yearsWithSpend(ws, dataset);
  if (!years.includes(baseYear)) {
    fail('FP_PLAN_NO_BASE_YEAR', `The base year ${baseYear} has no activity in dataset "${dataset}".`, {
      where: { field: 'baseYear' },
      received: baseYear,
      accepted: years.length ? years.join(', ') : 'none: the dataset has no activity',
      hint: 'Set baseYear to a year with activity, or import that year’s activity and run `footprint run`.',
    });
  }
  const spend = await storedSpendByPod(ws, engine, {
    dataset,
    vintage: PLAN_VINTAGE,
    unknownResidenceRule: rule,
    financialYear: baseYear,
  });
  const linesByIcb = new Map<string, SpendLine[]>();
  for (const s of spend) {
    const lines = linesByIcb.get(s.residentIcb) ?? [];
    if (lines.length === 0) linesByIcb.set(s.residentIcb, lines);
    lines.push({ provider: s.providerCode, service: s.serviceCode, pod: s.pod, spend: s.spendPence / 100 });
  }
  return { dataset, vintage: PLAN_VINTAGE, unknownResidenceRule: rule, runAt, financialYear: baseYear, linesByIcb };
}
