// A plan unit's plan year by year: do-nothing, each growth step, QIPP savings by type, plan spend,
// allocation, gap and control total. A footprint's plan is the sum of its ICBs' plans.
import { type DoNothingLine, doNothingSpend, type GrowthRates, type SpendLine } from '../growth/do-nothing.ts';
import { type QippSaving, qippSavings } from '../qipp/qipp-saving.ts';
import type { QippScheme } from '../qipp/qipp-scheme.ts';
import type { FinancialYear } from '../units.ts';
import { gap } from './gap.ts';
import { checkPerYear, planFinancialYear } from './plan-years.ts';

export interface UnitPlanInput {
  /** An ICB code or 'footprint:NAME'. */
  unit: string;
  baseYear: FinancialYear;
  years: number;
  /** Base-year population-basis spend by provider, service and pod, in pounds. */
  lines: readonly SpendLine[];
  growth: GrowthRates;
  qipp: readonly QippScheme[];
  /** Allocation in each plan year (index 0 = plan year 1), from `allocationPath` or convergence. */
  allocation: readonly number[];
  /** Control total in each plan year; omitted = none set. */
  controlTotals?: readonly number[];
}

/** One unit's figures for one plan year, in pounds. */
export interface PlanYear {
  unit: string;
  planYear: number;
  financialYear: FinancialYear;
  /** Last year's do-nothing spend (the base-year spend in plan year 1): where the waterfall starts. */
  previousDoNothing: number;
  demographicGrowth: number;
  nonDemographicGrowth: number;
  inflation: number;
  doNothing: number;
  qippSaving: number;
  transactionalSaving: number;
  transformationalSaving: number;
  planSpend: number;
  allocation: number;
  gap: number;
  controlTotal: number | null;
  distanceToControlTotal: number | null;
}

export interface UnitPlan {
  unit: string;
  rows: PlanYear[];
  doNothing: DoNothingLine[];
  savings: QippSaving[];
}

const MONEY_FIELDS = [
  'previousDoNothing',
  'demographicGrowth',
  'nonDemographicGrowth',
  'inflation',
  'doNothing',
  'qippSaving',
  'transactionalSaving',
  'transformationalSaving',
  'planSpend',
  'allocation',
] as const;

function emptyYear(unit: string, baseYear: FinancialYear, planYear: number): PlanYear {
  return {
    unit,
    planYear,
    financialYear: planFinancialYear(baseYear, planYear),
    previousDoNothing: 0,
    demographicGrowth: 0,
    nonDemographicGrowth: 0,
    inflation: 0,
    doNothing: 0,
    qippSaving: 0,
    transactionalSaving: 0,
    transformationalSaving: 0,
    planSpend: 0,
    allocation: 0,
    gap: 0,
    controlTotal: null,
    distanceToControlTotal: null,
  };
}

function withGap(row: PlanYear, controlTotal: number | null): PlanYear {
  const planSpend = row.doNothing - row.qippSaving;
  return { ...row, planSpend, ...gap(row.allocation, planSpend, controlTotal) };
}

export function unitPlan(input: UnitPlanInput): UnitPlan {
  const { unit, baseYear, years } = input;
  const doNothing = doNothingSpend(baseYear, input.lines, years, input.growth);
  const savings = qippSavings(doNothing, input.qipp, years);
  checkPerYear(input.allocation, years, 'allocation');
  if (input.controlTotals) checkPerYear(input.controlTotals, years, `allocation.controlTotals.${unit}`);
  const rows = Array.from({ length: years }, (_, y) => emptyYear(unit, baseYear, y + 1));
  for (const line of doNothing) {
    const row = rows[line.planYear - 1]!;
    row.previousDoNothing += line.previous;
    row.demographicGrowth += line.demographicGrowth;
    row.nonDemographicGrowth += line.nonDemographicGrowth;
    row.inflation += line.inflation;
    row.doNothing += line.doNothing;
  }
  for (const saving of savings) {
    const row = rows[saving.planYear - 1]!;
    row.qippSaving += saving.saving;
    if (saving.type === 'transactional') row.transactionalSaving += saving.saving;
    else row.transformationalSaving += saving.saving;
  }
  return {
    unit,
    rows: rows.map((row, y) => withGap({ ...row, allocation: input.allocation[y]! }, input.controlTotals?.[y] ?? null)),
    doNothing,
    savings,
  };
}

/** Adds amounts that share a key, keeping the first item's other fields. */
function sumByKey<T>(items: readonly T[], key: (item: T) => string, add: (into: T, item: T) => void): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const into = byKey.get(k);
    if (into) add(into, item);
    else byKey.set(k, { ...item });
  }
  return [...byKey.values()];
}

/** A footprint's plan: its ICBs' plans added year by year and line by line. The control total is the
 * footprint's own when given, otherwise the sum of its ICBs' when every one has one. */
export function footprintPlan(
  footprint: string,
  icbPlans: readonly UnitPlan[],
  controlTotals?: readonly number[],
): UnitPlan {
  const first = icbPlans[0]?.rows ?? [];
  const rows = first.map((template, y) => {
    // Plan year 0 of a row's own financial year is that year, so the label is carried over unchanged.
    const row = { ...emptyYear(footprint, template.financialYear, 0), planYear: template.planYear };
    let memberControlTotal: number | null = 0;
    for (const plan of icbPlans) {
      const member = plan.rows[y]!;
      for (const field of MONEY_FIELDS) row[field] += member[field];
      memberControlTotal =
        memberControlTotal === null || member.controlTotal === null ? null : memberControlTotal + member.controlTotal;
    }
    return withGap(row, controlTotals?.[y] ?? memberControlTotal);
  });
  const lineKey = (l: DoNothingLine) => [l.provider, l.service, l.pod, l.planYear].join('\u0000');
  const doNothing = sumByKey(
    icbPlans.flatMap((p) => p.doNothing),
    lineKey,
    (into, l) => {
      into.previous += l.previous;
      into.demographicGrowth += l.demographicGrowth;
      into.nonDemographicGrowth += l.nonDemographicGrowth;
      into.inflation += l.inflation;
      into.doNothing += l.doNothing;
    },
  );
  const savings = sumByKey(
    icbPlans.flatMap((p) => p.savings),
    (s) => [s.scheme, s.provider, s.service, s.pod, s.planYear].join('\u0000'),
    (into, s) => {
      into.saving += s.saving;
    },
  );
  return { unit: footprint, rows, doNothing, savings };
}
