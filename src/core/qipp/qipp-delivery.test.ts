// The worked example of docs/methods.md, "QIPP delivery".
import { describe, expect, it } from 'vitest';
import { delivery, plannedProfile, sumDeliveries } from './qipp-delivery.ts';

const months = (...pounds: number[]) => new Map(pounds.map((p, i) => [i + 1, p * 100] as const));

describe('QIPP delivery', () => {
  it('QIPP delivery: run rate, RAG and trend', () => {
    const onPlan = delivery({ plannedPence: 120_000_00, actualPence: months(8_000, 9_000, 12_000, 11_000) });
    expect(onPlan).toMatchObject({
      monthsReported: 4,
      planToDatePence: 40_000_00,
      actualToDatePence: 40_000_00,
      forecastPence: 120_000_00,
      rag: 'green',
      trend: 'improving',
    });
    const behind = delivery({ plannedPence: 120_000_00, actualPence: months(5_000, 6_000) });
    expect(behind).toMatchObject({
      planToDatePence: 20_000_00,
      actualToDatePence: 11_000_00,
      forecastPence: 66_000_00,
    });
    expect([behind.rag, behind.trend]).toEqual(['red', 'improving']);
    const amber = delivery({ plannedPence: 120_000_00, actualPence: months(8_500, 8_500, 8_500, 8_500) });
    expect([amber.forecastPence, amber.rag, amber.trend]).toEqual([102_000_00, 'amber', 'steady']);
  });

  it('a month before the latest with no figure counts as nothing saved', () => {
    const gap = delivery({ plannedPence: 120_000_00, actualPence: new Map([[3, 30_000_00]]) });
    expect([gap.monthsReported, gap.actualToDatePence, gap.monthlyRatios]).toEqual([3, 30_000_00, [0, 0, 3]]);
  });

  it('nothing planned or nothing reported has no RAG; a sum adds the schemes and rates the total', () => {
    const none = delivery({ plannedPence: 0, actualPence: months(100) });
    expect([none.rag, none.forecastPence]).toEqual([null, 100_00]);
    const notYet = delivery({ plannedPence: 120_000_00, actualPence: new Map() });
    expect([notYet.monthsReported, notYet.forecastPence, notYet.rag, notYet.trend]).toEqual([
      0,
      120_000_00,
      null,
      null,
    ]);
    const a = { plannedPence: 120_000_00, actualPence: months(10_000) };
    const b = { plannedPence: 120_000_00, actualPence: months(5_000) };
    const total = sumDeliveries([a, b].map((figures) => ({ figures, delivery: delivery(figures) })));
    expect([total.plannedPence, total.forecastPence, total.rag]).toEqual([240_000_00, 180_000_00, 'amber']);
  });

  it('QIPP delivery: a phased plan', () => {
    // Year 1, a tranche starting in October (month 7): nothing planned April to September.
    const first = plannedProfile(120_000_00, [0.02], [7], 1);
    expect(first).toEqual([0, 0, 0, 0, 0, 0, 20_000_00, 20_000_00, 20_000_00, 20_000_00, 20_000_00, 20_000_00]);
    // Year 2: the first tranche recurs all year (0.02), the second (0.01) starts in July (month 4).
    const second = plannedProfile(33_000_00, [0.02, 0.01], [7, 4], 2);
    expect(second).toEqual([2_000_00, 2_000_00, 2_000_00, ...Array(9).fill(3_000_00)]);
    // Pence left over go to the earliest months by largest remainder, so the months add up exactly.
    expect(plannedProfile(100_00, [0.1], [7], 1).slice(6)).toEqual([16_67, 16_67, 16_67, 16_67, 16_66, 16_66]);
    // October's £18,000 against £20,000 planned to date: forecast £18,000 + £100,000 × 0.9 = £108,000, amber.
    const october = delivery({
      plannedPence: 120_000_00,
      actualPence: new Map([1, 2, 3, 4, 5, 6, 7].map((m) => [m, m === 7 ? 18_000_00 : 0] as const)),
      profilePence: first,
    });
    expect(october).toMatchObject({
      monthsReported: 7,
      planToDatePence: 20_000_00,
      actualToDatePence: 18_000_00,
      forecastPence: 108_000_00,
      rag: 'amber',
      trend: null,
    });
    expect(october.monthlyRatios).toEqual([null, null, null, null, null, null, 0.9]);
  });
});
