import { describe, expect, it } from 'vitest';
import { FootprintError } from '../errors.ts';
import { type ComparedPlan, compareScenarios } from './scenario-comparison.ts';

const row = (unit: string, financialYear: string, gap: number, controlTotal: number | null) => ({
  unit,
  financialYear,
  previousDoNothing: 100,
  doNothing: 110,
  qippSaving: 5,
  planSpend: 105,
  allocation: 105 + gap,
  gap,
  controlTotal,
  distanceToControlTotal: controlTotal === null ? null : gap - controlTotal,
});
const plan = (scenario: string, units: string[], gaps: number[], controlTotal: number | null): ComparedPlan => ({
  scenario,
  baseYear: '2025/26',
  years: gaps.length,
  units,
  rows: units.flatMap((u) => gaps.map((g, y) => row(u, `202${6 + y}/2${7 + y}`, g, controlTotal))),
});

describe('scenario comparison', () => {
  it('compares the first shared unit; a missing control total reads "not set" and its distance "not computed"', () => {
    const c = compareScenarios([plan('A', ['QWE', 'QKK'], [1, -2], null), plan('B', ['QKK'], [3, 4], 1)]);
    expect(c.unit).toBe('QKK');
    const figure = (key: string) => c.figures.find((f) => f.key === key)!.values;
    expect(figure('totalGap')).toEqual([-1, 7]);
    expect(figure('finalGap')).toEqual([-2, 4]);
    expect(figure('finalControlTotal')).toEqual(['not set', 1]);
    expect(figure('finalDistance')).toEqual(['not computed', 3]);
    expect(c.gapByYear[1]).toEqual({ scenario: 'B', byYear: { '2026/27': 3, '2027/28': 4 } });
  });

  it('FP_PLAN_BAD_COMPARISON for one scenario, the same one twice, or a unit not every plan has', () => {
    const problem = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof FootprintError) return e.problem;
      }
      throw new Error('expected a FootprintError');
    };
    const a = plan('A', ['QWE'], [1], null);
    expect(problem(() => compareScenarios([a]))).toMatchObject({
      code: 'FP_PLAN_BAD_COMPARISON',
      where: { parameter: 's' },
    });
    expect(problem(() => compareScenarios([a, { ...a, scenario: 'a' }]))).toMatchObject({
      code: 'FP_PLAN_BAD_COMPARISON',
    });
    expect(problem(() => compareScenarios([a, plan('B', ['QKK'], [1], null)], 'QKK'))).toMatchObject({
      code: 'FP_PLAN_BAD_COMPARISON',
      where: { parameter: 'unit' },
    });
  });
});
