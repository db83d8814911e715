// A QIPP scheme as a scenario states it, and the checks made before any saving is worked out.
import type { PointOfDelivery } from '../activity/activity-record.ts';
import type { Problem } from '../errors.ts';
import { perYearProblems, throwFirst } from '../planning/plan-years.ts';

export const QIPP_TYPES = ['transactional', 'transformational'] as const;
export type QippType = (typeof QIPP_TYPES)[number];

/** Which spend a scheme saves on; a missing or empty list means all. */
export interface QippScope {
  providers?: readonly string[];
  services?: readonly string[];
  pods?: readonly PointOfDelivery[];
}

export interface QippScheme {
  name: string;
  type: QippType;
  scope: QippScope;
  /** New full-year saving rate introduced in each plan year, as a fraction of in-scope do-nothing spend. */
  rates: readonly number[];
  /** Month each year's tranche starts, 1 = April … 12 = March; default 1 in every year. */
  startMonth?: readonly number[];
}

const inList = (list: readonly string[] | undefined, value: string) =>
  !list || list.length === 0 || list.includes(value);

/** True when the scheme's scope covers the provider, service and pod. */
export function inScope(scope: QippScope, provider: string, service: string, pod: PointOfDelivery): boolean {
  return inList(scope.providers, provider) && inList(scope.services, service) && inList(scope.pods, pod);
}

/** The start months in force: the scheme's own, or April every year. */
export function startMonths(scheme: QippScheme, years: number): readonly number[] {
  return scheme.startMonth ?? Array.from({ length: years }, () => 1);
}

/** Rates in [0, 1), start months 1–12, one of each per plan year, and full-year rates adding up to at most 1.
 * `field` is the scheme's path in the scenario, e.g. 'qipp[1]'. */
export function qippSchemeProblems(scheme: QippScheme, years: number, field: string): Problem[] {
  const problems = perYearProblems(scheme.rates, years, `${field}.rates`);
  scheme.rates.forEach((rate, i) => {
    if (Number.isFinite(rate) && rate >= 0 && rate < 1) return;
    problems.push({
      code: 'FP_PLAN_BAD_RATE',
      message: `${field}.rates[${i}] of scheme ${scheme.name} is not a saving rate.`,
      where: { field: `${field}.rates[${i}]` },
      received: String(rate),
      accepted: 'a fraction from 0 up to but not including 1 (0.015 = 1.5%)',
    });
  });
  if (scheme.startMonth) {
    problems.push(...perYearProblems(scheme.startMonth, years, `${field}.startMonth`));
    scheme.startMonth.forEach((month, i) => {
      if (Number.isInteger(month) && month >= 1 && month <= 12) return;
      problems.push({
        code: 'FP_PLAN_BAD_START_MONTH',
        message: `${field}.startMonth[${i}] of scheme ${scheme.name} is not a month.`,
        where: { field: `${field}.startMonth[${i}]` },
        received: String(month),
        accepted: 'a whole number from 1 (April) to 12 (March)',
      });
    });
  }
  const fullYear = scheme.rates.reduce((sum, rate) => sum + rate, 0);
  if (fullYear > 1 + 1e-12) {
    problems.push({
      code: 'FP_PLAN_CUMULATIVE_SAVING',
      message: `The rates of scheme ${scheme.name} add up to more than 100%.`,
      where: { field: `${field}.rates` },
      received: `a cumulative full-year effect of ${fullYear}`,
      accepted: 'rates adding up to at most 1',
    });
  }
  return problems;
}

export function checkQippScheme(scheme: QippScheme, years: number, field: string): void {
  throwFirst(qippSchemeProblems(scheme, years, field));
}
