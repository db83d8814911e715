// The worked example of docs/methods.md, "QIPP delivery".
import { describe, expect, it } from 'vitest';
import { delivery, sumDeliveries } from './qipp-delivery.ts';

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
});
