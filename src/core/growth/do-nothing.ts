// Do-nothing spend: base-year spend grown by demography, then non-demographic growth, then inflation,
// each step reported in pounds (docs/methods.md, "Do-nothing growth"). Volume before price is how a
// finance lead builds the bridge; the end figure is the same in any order.
import type { PointOfDelivery } from '../activity/activity-record.ts';
import { fail } from '../errors.ts';
import { checkGrowthRates, checkHorizon, planFinancialYear } from '../planning/plan-years.ts';
import type { FinancialYear, ProviderCode, ServiceCode } from '../units.ts';

/** One line of a unit's base-year population-basis spend, in pounds. */
export interface SpendLine {
  provider: ProviderCode;
  service: ServiceCode;
  pod: PointOfDelivery;
  spend: number;
}

/** Growth rates per plan year (index 0 = plan year 1), as fractions (0.02 = 2%). */
export interface GrowthRates {
  /** `default` applies to every line; `byService` (from cost-weighted projections) overrides it. */
  demographic: { default: readonly number[]; byService?: Readonly<Record<string, readonly number[]>> };
  /** `default` applies to every pod; `byPod` overrides it (high-cost drugs usually grow faster). */
  nonDemographic: { default: readonly number[]; byPod?: Partial<Readonly<Record<PointOfDelivery, readonly number[]>>> };
  inflation: readonly number[];
}

/** One line in one plan year: last year's do-nothing spend, the three growth steps and the result. */
export interface DoNothingLine {
  provider: ProviderCode;
  service: ServiceCode;
  pod: PointOfDelivery;
  planYear: number;
  financialYear: FinancialYear;
  previous: number;
  demographicGrowth: number;
  nonDemographicGrowth: number;
  inflation: number;
  doNothing: number;
}

/** The horizon and every growth rate checked, the first problem thrown. */
export function checkGrowthInputs(rates: GrowthRates, years: number): void {
  checkHorizon(years);
  checkGrowthRates(rates.demographic.default, years, 'growth.demographic');
  for (const [service, values] of Object.entries(rates.demographic.byService ?? {})) {
    checkGrowthRates(values, years, `growth.demographic.${service}`);
  }
  checkGrowthRates(rates.nonDemographic.default, years, 'growth.nonDemographic.default');
  for (const [pod, values] of Object.entries(rates.nonDemographic.byPod ?? {})) {
    if (values) checkGrowthRates(values, years, `growth.nonDemographic.byPod.${pod}`);
  }
  checkGrowthRates(rates.inflation, years, 'growth.inflation');
}

/** Receives one plan year (0-based index) of one line: last year's spend, the three steps, the result. */
export type GrowthVisitor = (
  year: number,
  previous: number,
  demographicGrowth: number,
  nonDemographicGrowth: number,
  inflation: number,
  doNothing: number,
) => void;

/** Grows one line through the plan years, handing each year to `visit` (no objects made, so a national plan
 * of many lines stays fast). `row` is the line's 1-based number, for problems. Rates must be checked. */
export function growLine(line: SpendLine, row: number, rates: GrowthRates, years: number, visit: GrowthVisitor): void {
  if (!Number.isFinite(line.spend)) {
    fail('FP_PLAN_BAD_MONEY', 'A base-year spend is not a finite number of pounds.', {
      where: { row, field: 'spend' },
      received: String(line.spend),
      accepted: 'a finite number of pounds',
    });
  }
  const demographic = rates.demographic.byService?.[line.service] ?? rates.demographic.default;
  const nonDemographic = rates.nonDemographic.byPod?.[line.pod] ?? rates.nonDemographic.default;
  let previous = line.spend;
  for (let y = 0; y < years; y++) {
    const demographicGrowth = previous * demographic[y]!;
    const afterDemography = previous + demographicGrowth;
    const nonDemographicGrowth = afterDemography * nonDemographic[y]!;
    const afterNonDemographic = afterDemography + nonDemographicGrowth;
    const inflation = afterNonDemographic * rates.inflation[y]!;
    const doNothing = afterNonDemographic + inflation;
    visit(y, previous, demographicGrowth, nonDemographicGrowth, inflation, doNothing);
    previous = doNothing;
  }
}

/** Every line's do-nothing spend in every plan year, line by line then year by year. */
export function doNothingSpend(
  baseYear: FinancialYear,
  lines: readonly SpendLine[],
  years: number,
  rates: GrowthRates,
): DoNothingLine[] {
  checkGrowthInputs(rates, years);
  const result: DoNothingLine[] = [];
  lines.forEach((line, i) => {
    growLine(
      line,
      i + 1,
      rates,
      years,
      (y, previous, demographicGrowth, nonDemographicGrowth, inflation, doNothing) => {
        result.push({
          provider: line.provider,
          service: line.service,
          pod: line.pod,
          planYear: y + 1,
          financialYear: planFinancialYear(baseYear, y + 1),
          previous,
          demographicGrowth,
          nonDemographicGrowth,
          inflation,
          doNothing,
        });
      },
    );
  });
  return result;
}
