import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POINTS_OF_DELIVERY } from '../activity/activity-record.ts';
import type { GrowthRates, SpendLine } from '../growth/do-nothing.ts';
import type { QippScheme } from '../qipp/qipp-scheme.ts';
import type { FinancialYear, ProviderCode, ServiceCode } from '../units.ts';
import { mergeSegments, planSegments } from './plan-segments.ts';
import { unitPlan } from './plan-unit.ts';

const years = 3;
const spendLine = fc.record({
  provider: fc.constantFrom('P1', 'P2').map((p) => p as ProviderCode),
  service: fc.constantFrom('S1', 'S2', 'S3').map((s) => s as ServiceCode),
  pod: fc.constantFrom(...POINTS_OF_DELIVERY),
  spend: fc.double({ min: 0, max: 1e8, noNaN: true }),
}) satisfies fc.Arbitrary<SpendLine>;
const perYear = (min: number, max: number) =>
  fc.array(fc.double({ min, max, noNaN: true }), { minLength: years, maxLength: years });

describe('plan spend groups', () => {
  it('Spend groups: one group grows as its lines do', () => {
    const line = (spend: number) => ({
      provider: 'P1' as ProviderCode,
      service: 'S1' as ServiceCode,
      pod: 'HCD' as const,
      spend,
    });
    const growth: GrowthRates = {
      demographic: { default: [0.01] },
      nonDemographic: { default: [0.02] },
      inflation: [0.03],
    };
    const qipp: QippScheme[] = [
      { name: 'October', type: 'transformational', scope: {}, rates: [0.02], startMonth: [7] },
    ];
    const [group] = planSegments('I1', [line(100), line(300)], growth, qipp, false);
    expect(group).toMatchObject({ baseSpend: 400, lines: 2, schemes: [0] });
    const common = { unit: 'U', baseYear: '2024/25' as FinancialYear, years: 1, growth, qipp, allocation: [0] };
    const grouped = unitPlan({ ...common, lines: [line(400)] }).rows[0]!;
    expect(grouped.demographicGrowth).toBeCloseTo(4, 10);
    expect(grouped.nonDemographicGrowth).toBeCloseTo(8.08, 10);
    expect(grouped.inflation).toBeCloseTo(12.3624, 10);
    expect(grouped.doNothing).toBeCloseTo(424.4424, 10);
    expect(grouped.qippSaving).toBeCloseTo(4.244424, 10);
    const [small, large] = [100, 300].map((spend) => unitPlan({ ...common, lines: [line(spend)] }).rows[0]!.qippSaving);
    expect(small).toBeCloseTo(1.061106, 10);
    expect(large).toBeCloseTo(3.183318, 10);
  });

  it('a plan of the groups, one line each, is the plan of the lines: growth and savings are linear in spend', () => {
    fc.assert(
      fc.property(
        fc.array(spendLine, { maxLength: 12 }),
        fc.array(spendLine, { maxLength: 12 }),
        perYear(-0.05, 0.1),
        perYear(-0.05, 0.1),
        perYear(0, 0.1),
        perYear(0, 0.1),
        perYear(0, 0.15),
        (first, second, demographic, serviceGrowth, nonDemographic, hcdGrowth, rates) => {
          const growth: GrowthRates = {
            demographic: { default: demographic, byService: { S2: serviceGrowth } },
            nonDemographic: { default: nonDemographic, byPod: { HCD: hcdGrowth } },
            inflation: rates,
          };
          const qipp: QippScheme[] = [
            { name: 'All', type: 'transformational', scope: {}, rates, startMonth: [7, 1, 4] },
            { name: 'Drugs', type: 'transactional', scope: { pods: ['HCD', 'DEVICE'] }, rates },
            { name: 'P1 S1', type: 'transactional', scope: { providers: ['P1'], services: ['S1'] }, rates },
          ];
          const groups = mergeSegments([
            planSegments('I1', first, growth, qipp, false),
            planSegments('I2', second, growth, qipp, false),
          ]);
          const lines = [...first, ...second];
          expect(groups.reduce((n, g) => n + g.lines, 0)).toBe(lines.length);
          const common = { baseYear: '2024/25' as FinancialYear, years, allocation: [0, 0, 0] };
          const byLine = unitPlan({ ...common, unit: 'U', lines, growth, qipp });
          // Each group planned alone with its own rates as the defaults and its schemes only.
          const totals = Array.from({ length: years }, () => ({ doNothing: 0, qipp: 0, demographic: 0 }));
          for (const g of groups) {
            const plan = unitPlan({
              ...common,
              unit: 'G',
              lines: [{ provider: 'G' as ProviderCode, service: 'G' as ServiceCode, pod: 'HCD', spend: g.baseSpend }],
              growth: {
                demographic: { default: g.demographic },
                nonDemographic: { default: g.pod ? hcdGrowth : nonDemographic },
                inflation: rates,
              },
              qipp: g.schemes.map((s) => ({ ...qipp[s]!, scope: {} })),
            });
            plan.rows.forEach((row, y) => {
              totals[y]!.doNothing += row.doNothing;
              totals[y]!.qipp += row.qippSaving;
              totals[y]!.demographic += row.demographicGrowth;
            });
          }
          byLine.rows.forEach((row, y) => {
            expect(totals[y]!.doNothing).toBeCloseTo(row.doNothing, 2);
            expect(totals[y]!.qipp).toBeCloseTo(row.qippSaving, 2);
            expect(totals[y]!.demographic).toBeCloseTo(row.demographicGrowth, 2);
          });
        },
      ),
      { seed: 16, numRuns: 200 },
    );
  });

  it('keeps an ICB on its groups when demographic rates differ by ICB, so two ICBs never merge', () => {
    const line = { provider: 'P1' as ProviderCode, service: 'S1' as ServiceCode, pod: 'HCD' as const, spend: 100 };
    const growth: GrowthRates = { demographic: { default: [0] }, nonDemographic: { default: [0] }, inflation: [0] };
    const merged = mergeSegments([
      planSegments('I1', [line], growth, [], true),
      planSegments('I2', [line], growth, [], true),
    ]);
    expect(merged.map((g) => [g.icb, g.baseSpend])).toEqual([
      ['I1', 100],
      ['I2', 100],
    ]);
    const pooled = mergeSegments([
      planSegments('I1', [line], growth, [], false),
      planSegments('I2', [line], growth, [], false),
    ]);
    expect(pooled.map((g) => [g.icb, g.baseSpend, g.lines])).toEqual([[null, 200, 2]]);
  });
});
