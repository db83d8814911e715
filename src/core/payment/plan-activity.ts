// A contract line's activity under the plan (docs/methods.md, "Payment mechanisms and CQUIN"): the
// provider's base-year activity of the service from each resident ICB, grown by that ICB's volume growth
// in the plan — demographic and non-demographic growth, not inflation, which is price. Pure.

/** What a plan row carries that volume growth needs, in pounds. */
export interface PlanGrowthRow {
  unit: string;
  financialYear: string;
  previousDoNothing: number;
  demographicGrowth: number;
  nonDemographicGrowth: number;
}

/**
 * Each unit's volume index by plan year, relative to the base year: the product over the plan years up to
 * and including y of (previous + demographic + non-demographic) ÷ previous. A year with no previous spend
 * grows by nothing (index carried).
 */
export function planVolumeIndex(rows: readonly PlanGrowthRow[]): Map<string, Map<string, number>> {
  const byUnit = new Map<string, PlanGrowthRow[]>();
  for (const r of rows) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r]);
  const index = new Map<string, Map<string, number>>();
  for (const [unit, list] of byUnit) {
    let level = 1;
    const years = new Map<string, number>();
    for (const r of [...list].sort((a, b) => (a.financialYear < b.financialYear ? -1 : 1))) {
      if (r.previousDoNothing > 0) {
        level *= (r.previousDoNothing + r.demographicGrowth + r.nonDemographicGrowth) / r.previousDoNothing;
      }
      years.set(r.financialYear, level);
    }
    index.set(unit, years);
  }
  return index;
}

/**
 * The activity the plan expects in `year`: Σ over resident ICBs of base-year activity × the ICB's volume
 * index for the year. An ICB the plan does not cover (or the base year itself) is held at base-year
 * activity, index 1.
 */
export function projectedActivity(
  baseYearFlows: readonly { residentIcb: string; activity: number }[],
  index: ReadonlyMap<string, ReadonlyMap<string, number>>,
  year: string,
): number {
  return baseYearFlows.reduce((sum, f) => sum + f.activity * (index.get(f.residentIcb)?.get(year) ?? 1), 0);
}
