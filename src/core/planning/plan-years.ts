// Plan years: numbered 1 … horizon after the base year, with their financial-year labels. Arrays in
// scenarios are indexed from 0, so rates[0] belongs to plan year 1. The checks here return problems, so the
// scenario parser can collect them all; calculators throw the first with `throwFirst`.
import { FootprintError, type Problem } from '../errors.ts';
import { type FinancialYear, financialYearStart, financialYearStarting } from '../units.ts';

export const MAX_HORIZON = 10;

/** The financial year of plan year `planYear` (1 = the year after the base year). */
export function planFinancialYear(baseYear: FinancialYear, planYear: number): FinancialYear {
  return financialYearStarting(financialYearStart(baseYear) + planYear);
}

export function throwFirst(problems: readonly Problem[]): void {
  if (problems[0]) throw new FootprintError(problems[0]);
}

export function horizonProblems(years: number, field = 'years'): Problem[] {
  if (Number.isInteger(years) && years >= 1 && years <= MAX_HORIZON) return [];
  return [
    {
      code: 'FP_PLAN_BAD_HORIZON',
      message: `The plan horizon must be 1 to ${MAX_HORIZON} whole years.`,
      where: { field },
      received: String(years),
      accepted: `a whole number from 1 to ${MAX_HORIZON}`,
    },
  ];
}

/** A per-year array must have a value for every plan year. */
export function perYearProblems(values: readonly unknown[], years: number, field: string): Problem[] {
  if (values.length === years) return [];
  return [
    {
      code: 'FP_PLAN_ARRAY_LENGTH',
      message: `${field} has ${values.length} values but the plan has ${years} years.`,
      where: { field },
      received: `${values.length} values`,
      accepted: `${years} values, one per plan year`,
    },
  ];
}

/** Growth rates: one per plan year, each a finite number above −100%. */
export function growthRateProblems(values: readonly number[], years: number, field: string): Problem[] {
  const problems = perYearProblems(values, years, field);
  values.forEach((rate, i) => {
    if (Number.isFinite(rate) && rate > -1) return;
    problems.push({
      code: 'FP_PLAN_BAD_GROWTH',
      message: `${field}[${i}] is not a growth rate above −100%.`,
      where: { field: `${field}[${i}]` },
      received: String(rate),
      accepted: 'a fraction above −1 (0.02 = 2%)',
    });
  });
  return problems;
}

export function checkHorizon(years: number, field = 'years'): void {
  throwFirst(horizonProblems(years, field));
}

export function checkPerYear(values: readonly unknown[], years: number, field: string): void {
  throwFirst(perYearProblems(values, years, field));
}

export function checkGrowthRates(values: readonly number[], years: number, field: string): void {
  throwFirst(growthRateProblems(values, years, field));
}

/** The base year a plan runs on: the scenario's own, or with `baseYearIfMissing: "earliest"` and data that
 * starts after it, the earliest year with activity. A year inside the data's range is never replaced. */
export function effectiveBaseYear(
  asked: FinancialYear,
  yearsWithActivity: readonly FinancialYear[],
  ifMissing: 'earliest' | undefined,
): FinancialYear {
  const earliest = [...yearsWithActivity].sort()[0];
  if (ifMissing !== 'earliest' || !earliest || yearsWithActivity.includes(asked) || asked > earliest) return asked;
  return earliest;
}
