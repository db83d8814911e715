// Two or three plans side by side for one unit they share: the key figures a finance lead compares and the
// gap by year. The web page, the Excel export and `footprint scenario compare` all read this one answer.
import { z } from 'zod';
import { fail } from '../errors.ts';

const cell = z.union([z.number(), z.string(), z.null()]);

export const scenarioComparisonSchema = z.object({
  /** The unit compared: the first the plans share, or the one asked for; null when they share none. */
  unit: z.string().nullable(),
  scenarios: z.array(z.string()),
  /** Each figure with one value per scenario, in the scenarios' order. */
  figures: z.array(
    z.object({ key: z.string(), figure: z.string(), kind: z.enum(['text', 'money']), values: z.array(cell) }),
  ),
  years: z.array(z.string()),
  /** Gap (allocation − plan spend) by scenario and financial year, pounds. */
  gapByYear: z.array(z.object({ scenario: z.string(), byYear: z.record(z.string(), z.number()) })),
});

export type ScenarioComparison = z.infer<typeof scenarioComparisonSchema>;

/** What the comparison needs of a plan: its summary rows. */
export interface ComparedPlan {
  scenario: string;
  baseYear: string;
  years: number;
  units: string[];
  rows: {
    unit: string;
    financialYear: string;
    previousDoNothing: number;
    doNothing: number;
    qippSaving: number;
    planSpend: number;
    allocation: number;
    gap: number;
    controlTotal: number | null;
    distanceToControlTotal: number | null;
  }[];
}

export const NOT_SET = 'not set';
export const NOT_COMPUTED = 'not computed';

export function compareScenarios(plans: readonly ComparedPlan[], unitAsked?: string): ScenarioComparison {
  const names = plans.map((p) => p.scenario);
  if (plans.length < 2 || plans.length > 3 || new Set(names.map((n) => n.toLowerCase())).size !== plans.length) {
    fail('FP_PLAN_BAD_COMPARISON', 'Compare two or three different scenarios.', {
      where: { parameter: 's' },
      received: names.join(', ') || '(none)',
      accepted: 'two or three names of stored scenarios',
    });
  }
  const shared = plans[0]!.units.filter((u) => plans.every((p) => p.units.includes(u)));
  if (unitAsked !== undefined && !shared.includes(unitAsked)) {
    fail('FP_PLAN_BAD_COMPARISON', `Not every scenario plans for ${unitAsked}.`, {
      where: { parameter: 'unit' },
      received: unitAsked,
      accepted: shared.join(', ') || 'none: these scenarios share no unit',
    });
  }
  const unit = unitAsked ?? shared[0] ?? null;
  const rowsOf = (p: ComparedPlan) => p.rows.filter((r) => r.unit === (unit ?? p.units[0]));
  const last = (p: ComparedPlan) => rowsOf(p).at(-1);
  const sum = (p: ComparedPlan, pick: (r: ComparedPlan['rows'][number]) => number) =>
    rowsOf(p).reduce((t, r) => t + pick(r), 0);
  const figures: ScenarioComparison['figures'] = [
    { key: 'unit', figure: 'Plans for', kind: 'text', values: plans.map((p) => unit ?? p.units[0]!) },
    { key: 'baseYear', figure: 'Base year', kind: 'text', values: plans.map((p) => p.baseYear) },
    { key: 'years', figure: 'Plan years', kind: 'text', values: plans.map((p) => String(p.years)) },
    {
      key: 'baseSpend',
      figure: 'Base-year spend',
      kind: 'money',
      values: plans.map((p) => rowsOf(p)[0]?.previousDoNothing ?? null),
    },
    {
      key: 'finalDoNothing',
      figure: 'Final-year do-nothing spend',
      kind: 'money',
      values: plans.map((p) => last(p)?.doNothing ?? null),
    },
    {
      key: 'qipp',
      figure: 'QIPP saving over the plan',
      kind: 'money',
      values: plans.map((p) => sum(p, (r) => r.qippSaving)),
    },
    {
      key: 'finalPlanSpend',
      figure: 'Final-year plan spend',
      kind: 'money',
      values: plans.map((p) => last(p)?.planSpend ?? null),
    },
    {
      key: 'finalAllocation',
      figure: 'Final-year allocation',
      kind: 'money',
      values: plans.map((p) => last(p)?.allocation ?? null),
    },
    { key: 'finalGap', figure: 'Final-year gap', kind: 'money', values: plans.map((p) => last(p)?.gap ?? null) },
    {
      key: 'totalGap',
      figure: 'Gap added up over the plan',
      kind: 'money',
      values: plans.map((p) => sum(p, (r) => r.gap)),
    },
    {
      key: 'finalControlTotal',
      figure: 'Final-year control total',
      kind: 'money',
      values: plans.map((p) => last(p)?.controlTotal ?? NOT_SET),
    },
    {
      key: 'finalDistance',
      figure: 'Final-year distance to control total',
      kind: 'money',
      values: plans.map((p) => last(p)?.distanceToControlTotal ?? NOT_COMPUTED),
    },
  ];
  return {
    unit,
    scenarios: names,
    figures,
    years: [...new Set(plans.flatMap((p) => rowsOf(p).map((r) => r.financialYear)))].sort(),
    gapByYear: plans.map((p) => ({
      scenario: p.scenario,
      byYear: Object.fromEntries(rowsOf(p).map((r) => [r.financialYear, r.gap])),
    })),
  };
}
