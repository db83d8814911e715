import { describe, expect, it } from 'vitest';
import type { SpendLine } from '../growth/do-nothing.ts';
import type { QippScheme } from '../qipp/qipp-scheme.ts';
import type { FinancialYear, ProviderCode, ServiceCode } from '../units.ts';
import { allocationPath } from './allocation.ts';
import { footprintPlan, type UnitPlanInput, unitPlan } from './plan-unit.ts';

const line = (provider: string, pod: SpendLine['pod'], spend: number): SpendLine => ({
  provider: provider as ProviderCode,
  service: 'S1' as ServiceCode,
  pod,
  spend,
});
const schemes: QippScheme[] = [
  { name: 'Pathways', type: 'transformational', scope: {}, rates: [0.03, 0.01], startMonth: [7, 1] },
  { name: 'Drugs', type: 'transactional', scope: { pods: ['HCD'] }, rates: [0.02, 0.01] },
];
// No growth in year 1 and 10% demographic growth in year 2 give the do-nothing spend of the QIPP example:
// 1,000,000 then 1,100,000 (P1 APC_EL) and 500,000 then 550,000 (P2 HCD).
const input: UnitPlanInput = {
  unit: 'QUY',
  baseYear: '2024/25' as FinancialYear,
  years: 2,
  lines: [line('P1', 'APC_EL', 1_000_000), line('P2', 'HCD', 500_000)],
  growth: { demographic: { default: [0, 0.1] }, nonDemographic: { default: [0, 0] }, inflation: [0, 0] },
  qipp: schemes,
  allocation: allocationPath(1_500_000, [0.03, 0.025]),
  controlTotals: [0, 20_000],
};

describe('plan unit', () => {
  it('Worked example (gap and control total), from base-year spend to distance to control total', () => {
    const [y1, y2] = unitPlan(input).rows;
    // Year 1: saving 22,500 + 10,000 = 32,500; plan 1,467,500; gap 1,545,000 − 1,467,500 = 77,500.
    expect(y1).toMatchObject({ unit: 'QUY', financialYear: '2025/26', controlTotal: 0 });
    expect(y1!.doNothing).toBeCloseTo(1_500_000, 6);
    expect(y1!.transactionalSaving).toBeCloseTo(10_000, 6);
    expect(y1!.transformationalSaving).toBeCloseTo(22_500, 6);
    expect(y1!.planSpend).toBeCloseTo(1_467_500, 6);
    expect(y1!.gap).toBeCloseTo(77_500, 6);
    expect(y1!.distanceToControlTotal).toBeCloseTo(77_500, 6);
    // Year 2: demographic growth 150,000; saving 66,000 + 16,500 = 82,500; plan 1,567,500;
    // gap 1,583,625 − 1,567,500 = 16,125; distance 16,125 − 20,000 = −3,875.
    expect(y2!.previousDoNothing).toBeCloseTo(1_500_000, 6);
    expect(y2!.demographicGrowth).toBeCloseTo(150_000, 6);
    expect(y2!.qippSaving).toBeCloseTo(82_500, 6);
    expect(y2!.planSpend).toBeCloseTo(1_567_500, 6);
    expect(y2!.gap).toBeCloseTo(16_125, 6);
    expect(y2!.distanceToControlTotal).toBeCloseTo(-3_875, 6);
  });

  it('adds its ICBs’ plans into a footprint’s, with their control totals when all have one', () => {
    const a = unitPlan(input);
    const b = unitPlan({ ...input, unit: 'QSL', controlTotals: [5_000, 5_000] });
    const footprint = footprintPlan('footprint:Somerset and BNSSG', [a, b]);
    const [y1, y2] = footprint.rows;
    // Twice the single unit: plan spend 2 × 1,467,500 = 2,935,000; control total 0 + 5,000.
    expect(y1!.planSpend).toBeCloseTo(2_935_000, 6);
    expect(y1!.controlTotal).toBe(5_000);
    expect(y1!.distanceToControlTotal).toBeCloseTo(2 * 77_500 - 5_000, 6);
    expect(y2!.controlTotal).toBe(25_000);
    // One summed savings pair per provider and service (P1 S1, P2 S1); Pathways saves P1 15,000 in year 1 in
    // each ICB, so 30,000 in the footprint (amounts are [scheme × years + year]: Pathways is scheme 0).
    expect(footprint.savings.pairs).toEqual([
      { provider: 'P1', service: 'S1' },
      { provider: 'P2', service: 'S1' },
    ]);
    expect(footprint.savings.amounts[0]![0]).toBeCloseTo(30_000, 6);
    // Drugs (scheme 1) saves P2 HCD 500,000 × 0.02 = 10,000 a unit in year 1, so 20,000.
    expect(footprint.savings.amounts[1]![2]).toBeCloseTo(20_000, 6);
    expect(
      footprintPlan('footprint:X', [a, { ...b, rows: b.rows.map((r) => ({ ...r, controlTotal: null })) }]).rows[0]!
        .controlTotal,
    ).toBeNull();
  });
});
