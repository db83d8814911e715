// Figures the plan pages draw from a plan's rows: one unit's years in order, the waterfall up to a year,
// and savings by scheme and year. Pure, so the pages only lay them out.
import type { Plan, PlanJsonRow } from '../../../../src/core/planning/plan-answers.ts';
import type { WaterfallSteps } from '../../charts/plan-waterfall-chart.ts';

export const unitRows = (plan: Plan, unit: string): PlanJsonRow[] => plan.rows.filter((r) => r.unit === unit);

/** Base-year spend, growth from the base year to `year`, and that year's saving, plan and allocation. */
export function waterfallSteps(rows: PlanJsonRow[], year: string): WaterfallSteps | null {
  const upTo = rows.findIndex((r) => r.financialYear === year);
  const first = rows[0];
  const last = rows[upTo];
  if (!first || !last) return null;
  const sum = (key: 'demographicGrowth' | 'nonDemographicGrowth' | 'inflation') =>
    rows.slice(0, upTo + 1).reduce((total, r) => total + r[key], 0);
  return {
    base: first.previousDoNothing,
    demographic: sum('demographicGrowth'),
    nonDemographic: sum('nonDemographicGrowth'),
    inflation: sum('inflation'),
    qipp: last.qippSaving,
    plan: last.planSpend,
    allocation: last.allocation,
  };
}

export interface SchemeByYear {
  scheme: string;
  type: string;
  byYear: Record<string, number>;
  total: number;
}

/** One unit's savings by scheme, providers and services added together. */
export function savingsByScheme(plan: Plan, unit: string): SchemeByYear[] {
  const byScheme = new Map<string, SchemeByYear>();
  for (const s of plan.schemes) {
    if (s.unit !== unit) continue;
    const row = byScheme.get(s.scheme) ?? { scheme: s.scheme, type: s.type, byYear: {}, total: 0 };
    row.byYear[s.financialYear] = (row.byYear[s.financialYear] ?? 0) + s.saving;
    row.total += s.saving;
    byScheme.set(s.scheme, row);
  }
  return [...byScheme.values()];
}

/** A unit's name for people: footprints without their prefix. */
export const unitLabel = (unit: string) => unit.replace(/^footprint:/, '');

/** A baseline plans for every ICB: past a handful, the list is counted rather than spelt out. */
export function unitsSummary(units: readonly string[]): string {
  if (units.length <= 6) return units.join(', ');
  const footprints = units.filter((u) => u.startsWith('footprint:')).length;
  const icbs = units.length - footprints;
  return [icbs && `${icbs} ICBs`, footprints && `${footprints} footprint${footprints === 1 ? '' : 's'}`]
    .filter(Boolean)
    .join(' and ');
}
