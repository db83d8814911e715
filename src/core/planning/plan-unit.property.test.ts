import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POINTS_OF_DELIVERY } from '../activity/activity-record.ts';
import type { SpendLine } from '../growth/do-nothing.ts';
import type { QippScheme } from '../qipp/qipp-scheme.ts';
import type { FinancialYear, ProviderCode, ServiceCode } from '../units.ts';
import { footprintPlan, type PlanYear, unitPlan } from './plan-unit.ts';

const years = 3;
const spendLine = fc.record({
  provider: fc.constantFrom('P1', 'P2').map((p) => p as ProviderCode),
  service: fc.constantFrom('S1', 'S2').map((s) => s as ServiceCode),
  pod: fc.constantFrom(...POINTS_OF_DELIVERY),
  spend: fc.double({ min: 0, max: 1e8, noNaN: true }),
}) satisfies fc.Arbitrary<SpendLine>;
const perYear = (min: number, max: number) =>
  fc.array(fc.double({ min, max, noNaN: true }), { minLength: years, maxLength: years });
const icb = fc.record({ lines: fc.array(spendLine, { maxLength: 6 }), allocation: perYear(0, 1e8) });

const MONEY = ['doNothing', 'demographicGrowth', 'inflation', 'qippSaving', 'planSpend', 'allocation', 'gap'] as const;

describe('plan unit properties', () => {
  it('a footprint’s plan equals the plan of all its ICBs’ spend when growth inputs are the same', () => {
    fc.assert(
      fc.property(
        fc.array(icb, { minLength: 1, maxLength: 4 }),
        perYear(-0.05, 0.1),
        perYear(0, 0.1),
        perYear(0, 0.15),
        (icbs, demographic, nonDemographic, rates) => {
          const schemes: QippScheme[] = [
            { name: 'All', type: 'transformational', scope: {}, rates, startMonth: [7, 1, 4] },
            { name: 'Drugs', type: 'transactional', scope: { pods: ['HCD', 'DEVICE'] }, rates },
          ];
          const common = {
            baseYear: '2024/25' as FinancialYear,
            years,
            growth: {
              demographic: { default: demographic },
              nonDemographic: { default: nonDemographic },
              inflation: rates,
            },
            qipp: schemes,
          };
          const plans = icbs.map((i, n) =>
            unitPlan({ ...common, unit: `I${n}`, lines: i.lines, allocation: i.allocation }),
          );
          const summed = footprintPlan('footprint:F', plans);
          const whole = unitPlan({
            ...common,
            unit: 'footprint:F',
            lines: icbs.flatMap((i) => i.lines),
            allocation: Array.from({ length: years }, (_, y) => icbs.reduce((s, i) => s + i.allocation[y]!, 0)),
          });
          whole.rows.forEach((row: PlanYear, y) => {
            for (const field of MONEY) expect(summed.rows[y]![field]).toBeCloseTo(row[field], 2);
          });
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
