// QIPP savings line by line: in-scope do-nothing spend × the scheme's cumulative effect that year. Working
// line by line makes the provider and service splits proportional to in-scope spend.
import type { PointOfDelivery } from '../activity/activity-record.ts';
import { fail } from '../errors.ts';
import type { DoNothingLine } from '../growth/do-nothing.ts';
import type { FinancialYear, ProviderCode, ServiceCode } from '../units.ts';
import { cumulativeEffect } from './part-year-effect.ts';
import { checkQippScheme, inScope, type QippScheme, type QippType, startMonths } from './qipp-scheme.ts';

/** One scheme's saving on one line in one plan year, in pounds. */
export interface QippSaving {
  scheme: string;
  type: QippType;
  provider: ProviderCode;
  service: ServiceCode;
  pod: PointOfDelivery;
  planYear: number;
  financialYear: FinancialYear;
  effect: number;
  saving: number;
}

/** Allow for floating-point sums of rates such as 0.1 + 0.2. */
const TOLERANCE = 1e-12;

/** Each scheme's effect in each plan year (index 0 = plan year 1), after checking the schemes. */
export function schemeEffects(schemes: readonly QippScheme[], years: number): number[][] {
  schemes.forEach((scheme, i) => {
    checkQippScheme(scheme, years, `qipp[${i}]`);
  });
  return schemes.map((scheme) =>
    Array.from({ length: years }, (_, y) => cumulativeEffect(scheme.rates, startMonths(scheme, years), y + 1)),
  );
}

/** The indexes of the schemes whose scope covers the line. */
export function coveringSchemes(
  schemes: readonly QippScheme[],
  line: { provider: string; service: string; pod: PointOfDelivery },
): number[] {
  const covering: number[] = [];
  schemes.forEach((scheme, s) => {
    if (inScope(scheme.scope, line.provider, line.service, line.pod)) covering.push(s);
  });
  return covering;
}

/** Fails when the schemes covering a line would together save more than all of it in one of `planYears`. */
export function checkCombinedEffect(
  schemes: readonly QippScheme[],
  effects: readonly (readonly number[])[],
  covering: readonly number[],
  line: { provider: string; service: string; pod: PointOfDelivery },
  planYears: readonly number[],
  financialYearOf: (planYear: number) => FinancialYear,
): void {
  for (const planYear of planYears) {
    let combined = 0;
    for (const s of covering) combined += effects[s]![planYear - 1]!;
    if (combined > 1 + TOLERANCE) {
      fail(
        'FP_PLAN_SAVINGS_EXCEED_SPEND',
        `QIPP schemes would save more than all of ${financialYearOf(planYear)} spend.`,
        {
          where: { field: 'qipp' },
          received: `schemes ${covering.map((s) => schemes[s]!.name).join(', ')} saving ${(combined * 100).toFixed(2)}% of ${line.provider} ${line.service} ${line.pod}`,
          accepted: 'schemes covering the same spend saving at most 100% of it in any year',
        },
      );
    }
  }
}

/** Savings of every scheme on every in-scope line and year (lines with no saving are left out). Fails when a
 * scheme breaks its rules or when schemes covering the same spend would save more than all of it. */
export function qippSavings(
  lines: readonly DoNothingLine[],
  schemes: readonly QippScheme[],
  years: number,
): QippSaving[] {
  const effects = schemeEffects(schemes, years);
  const savings: QippSaving[] = [];
  for (const line of lines) {
    const covering = coveringSchemes(schemes, line);
    checkCombinedEffect(schemes, effects, covering, line, [line.planYear], () => line.financialYear);
    for (const s of covering) {
      const scheme = schemes[s]!;
      const effect = effects[s]![line.planYear - 1]!;
      if (effect === 0) continue;
      savings.push({
        scheme: scheme.name,
        type: scheme.type,
        provider: line.provider,
        service: line.service,
        pod: line.pod,
        planYear: line.planYear,
        financialYear: line.financialYear,
        effect,
        saving: line.doNothing * effect,
      });
    }
  }
  return savings;
}
