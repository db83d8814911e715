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

/** Savings of every scheme on every in-scope line and year (lines with no saving are left out). Fails when a
 * scheme breaks its rules or when schemes covering the same spend would save more than all of it. */
export function qippSavings(
  lines: readonly DoNothingLine[],
  schemes: readonly QippScheme[],
  years: number,
): QippSaving[] {
  schemes.forEach((scheme, i) => {
    checkQippScheme(scheme, years, `qipp[${i}]`);
  });
  const effects = schemes.map((scheme) =>
    Array.from({ length: years }, (_, y) => cumulativeEffect(scheme.rates, startMonths(scheme, years), y + 1)),
  );
  const savings: QippSaving[] = [];
  for (const line of lines) {
    let combined = 0;
    const covering: string[] = [];
    schemes.forEach((scheme, s) => {
      if (!inScope(scheme.scope, line.provider, line.service, line.pod)) return;
      const effect = effects[s]![line.planYear - 1]!;
      combined += effect;
      covering.push(scheme.name);
      if (effect === 0) return;
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
    });
    if (combined > 1 + TOLERANCE) {
      fail('FP_PLAN_SAVINGS_EXCEED_SPEND', `QIPP schemes would save more than all of ${line.financialYear} spend.`, {
        where: { field: 'qipp' },
        received: `schemes ${covering.join(', ')} saving ${(combined * 100).toFixed(2)}% of ${line.provider} ${line.service} ${line.pod}`,
        accepted: 'schemes covering the same spend saving at most 100% of it in any year',
      });
    }
  }
  return savings;
}
