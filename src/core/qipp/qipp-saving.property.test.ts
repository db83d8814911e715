import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POINTS_OF_DELIVERY } from '../activity/activity-record.ts';
import { doNothingSpend, type SpendLine } from '../growth/do-nothing.ts';
import type { FinancialYear, ProviderCode, ServiceCode } from '../units.ts';
import { partYearEffect } from './part-year-effect.ts';
import { qippSavings } from './qipp-saving.ts';
import type { QippScheme } from './qipp-scheme.ts';

const years = 4;
const pod = fc.constantFrom(...POINTS_OF_DELIVERY);
const spendLine = fc.record({
  provider: fc.constantFrom('P1', 'P2', 'P3').map((p) => p as ProviderCode),
  service: fc.constantFrom('S1', 'S2').map((s) => s as ServiceCode),
  pod,
  spend: fc.double({ min: 0, max: 1e9, noNaN: true }),
}) satisfies fc.Arbitrary<SpendLine>;
// Up to three schemes whose rates each add up to at most a third, so together they stay within the rules.
const scheme = fc.record({
  name: fc.string({ minLength: 1, maxLength: 8 }),
  type: fc.constantFrom('transactional', 'transformational') as fc.Arbitrary<QippScheme['type']>,
  scope: fc.record({ pods: fc.subarray([...POINTS_OF_DELIVERY]) }),
  rates: fc.array(fc.double({ min: 0, max: 1 / 3 / years, noNaN: true }), { minLength: years, maxLength: years }),
  startMonth: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: years, maxLength: years }),
});

describe('QIPP savings properties', () => {
  it('savings never exceed do-nothing spend', () => {
    fc.assert(
      fc.property(fc.array(spendLine, { maxLength: 12 }), fc.array(scheme, { maxLength: 3 }), (lines, schemes) => {
        const growth = { default: [0.01, 0.02, -0.01, 0.03] };
        const doNothing = doNothingSpend('2024/25' as FinancialYear, lines, years, {
          demographic: growth,
          nonDemographic: growth,
          inflation: growth.default,
        });
        const savings = qippSavings(doNothing, schemes, years);
        for (const line of doNothing) {
          const saved = savings
            .filter((s) => s.provider === line.provider && s.service === line.service && s.pod === line.pod)
            .filter((s) => s.planYear === line.planYear)
            .reduce((sum, s) => sum + s.saving, 0);
          const sameLines = doNothing.filter(
            (l) =>
              l.provider === line.provider &&
              l.service === line.service &&
              l.pod === line.pod &&
              l.planYear === line.planYear,
          );
          const spend = sameLines.reduce((sum, l) => sum + l.doNothing, 0);
          expect(saved).toBeLessThanOrEqual(spend * (1 + 1e-12));
          expect(saved).toBeGreaterThanOrEqual(0);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('a tranche starting in month 7 saves exactly half its rate in its first year', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999, noNaN: true }), (rate) => {
        expect(partYearEffect(rate, 7)).toBe(rate / 2);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
