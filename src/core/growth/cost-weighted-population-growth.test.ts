import { describe, expect, it } from 'vitest';
import {
  costWeightedPopulationGrowth,
  type EnglandSpendCell,
  type ProjectedCell,
} from './cost-weighted-population-growth.ts';

const englandSpend: EnglandSpendCell[] = [
  { ageBand: '40-44', sex: 'F', englandSpend: 40_000_000, englandPopulation: 2_000_000 },
  { ageBand: '75-79', sex: 'F', englandSpend: 300_000_000, englandPopulation: 1_500_000 },
];
const projection: ProjectedCell[] = [
  { ageBand: '40-44', sex: 'F', counts: [10_000, 10_000, 9_800] },
  { ageBand: '75-79', sex: 'F', counts: [2_000, 2_200, 2_310] },
];

/** Matches a thrown FootprintError by its problem's code and location. */
const problem = (code: string, where: object) =>
  expect.objectContaining({ problem: expect.objectContaining({ code, where }) });

describe('cost-weighted population growth', () => {
  it('Worked example (cost-weighted population growth)', () => {
    const result = costWeightedPopulationGrowth('QUY', englandSpend, projection, 2);
    // 40,000,000 ÷ 2,000,000 = £20 a head; 300,000,000 ÷ 1,500,000 = £200 a head.
    expect(result.weights.get('40-44|F')).toBe(20);
    expect(result.weights.get('75-79|F')).toBe(200);
    // 20 × 10,000 + 200 × 2,000 = 600,000; then 640,000; then 196,000 + 462,000 = 658,000.
    expect(result.costWeightedPopulation).toEqual([600_000, 640_000, 658_000]);
    // 640,000 ÷ 600,000 − 1 = 6.6667%; 658,000 ÷ 640,000 − 1 = 2.8125%.
    expect(result.demographic[0]).toBeCloseTo(0.066667, 6);
    expect(result.demographic[1]).toBeCloseTo(0.028125, 9);
    expect(result.headcountFallback).toBe(false);
  });

  it('falls back to plain headcount growth for a service with no England spend', () => {
    const result = costWeightedPopulationGrowth('QUY', [], projection, 1);
    // Every projected person weighs 1: 12,200 ÷ 12,000 − 1 = 1.6667%.
    expect(result.headcountFallback).toBe(true);
    expect(result.demographic[0]).toBeCloseTo(0.016667, 6);
  });

  it('FP_PLAN_NO_PROJECTIONS when there are no projections at all', () => {
    expect(() => costWeightedPopulationGrowth('QUY', englandSpend, undefined, 2)).toThrow(
      problem('FP_PLAN_NO_PROJECTIONS', { field: 'growth.demographic' }),
    );
  });

  it('FP_PLAN_NO_PROJECTIONS names the cell and year missing', () => {
    expect(() => costWeightedPopulationGrowth('QUY', englandSpend, projection, 3)).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({
          code: 'FP_PLAN_NO_PROJECTIONS',
          received: 'no usable count for 40-44 F in plan year 3',
        }),
      }),
    );
  });
});
