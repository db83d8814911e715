import { describe, expect, it } from 'vitest';
import template from '../../../definitions/scenarios/south-of-england-2017.json' with { type: 'json' };
import { partYearEffect } from '../qipp/part-year-effect.ts';
import { parseScenario } from './scenario-schema.ts';

const valid = {
  version: 1,
  name: 'Test',
  baseYear: '2024/25',
  years: 3,
  units: ['QUY', 'QSL', 'footprint:Somerset and BNSSG'],
  growth: {
    demographic: [0.01, 0.01, 0.01],
    nonDemographic: { default: [0.02, 0.02, 0.02], byPod: { HCD: [0.05, 0.05, 0.05] } },
    inflation: [0.02, 0.02, 0.02],
  },
  qipp: [
    { name: 'A', type: 'transactional', scope: { pods: ['HCD'] }, rates: [0.01, 0.01, 0.01] },
    { name: 'B', type: 'transformational', scope: {}, rates: [0.03, 0, 0], startMonth: [7, 1, 1] },
  ],
  allocation: {
    growth: [0.03, 0.03, 0.03],
    target: { QUY: 0.6, QSL: 0.4 },
    convergence: { floorGrowth: 0.01, capGrowth: 0.05 },
    controlTotals: { QUY: [0, 0, 0] },
  },
  riskShare: {
    footprint: 'Somerset and BNSSG',
    type: 'threshold',
    basis: 'fixed',
    shares: { QUY: 0.6, QSL: 0.4 },
    threshold: 0.02,
    cap: 1_000_000,
    outturn: { QUY: 100, QSL: 200 },
  },
};

type Json = Record<string, unknown>;
/** A copy of the valid scenario with one change made by `edit`. */
function changed(edit: (s: Json & typeof valid) => void): unknown {
  const copy = structuredClone(valid) as Json & typeof valid;
  edit(copy);
  return copy;
}
const issue = (code: string, field: string) =>
  expect.objectContaining({ code, where: expect.objectContaining({ field }) });

describe('scenario schema', () => {
  it('accepts a full scenario', () => {
    expect(parseScenario(valid)).toEqual({ value: valid, issues: [] });
  });

  it('accepts the shipped South of England 2017 template, which saves 1.5% transformational in year one', () => {
    const { value, issues } = parseScenario(template, 'definitions/scenarios/south-of-england-2017.json');
    expect(issues).toEqual([]);
    const transformational = value!.qipp.find((q) => q.type === 'transformational')!;
    // 0.03 × (13 − 7) ÷ 12 = 0.015.
    expect(partYearEffect(transformational.rates[0]!, transformational.startMonth![0]!)).toBe(0.015);
    expect(value).toMatchObject({ owner: expect.any(String), checker: expect.any(String), nextReview: '2026-01-01' });
  });

  it('FP_PLAN_BAD_SCENARIO names an unknown field and what is accepted', () => {
    const { value, issues } = parseScenario(
      changed((s) => Object.assign(s, { colour: 'red' })),
      'my.json',
    );
    expect(value).toBeNull();
    expect(issues).toEqual([
      expect.objectContaining({ code: 'FP_PLAN_BAD_SCENARIO', where: { file: 'my.json', field: 'colour' } }),
    ]);
  });

  it('FP_PLAN_BAD_SCENARIO names a wrong type by its path', () => {
    const { issues } = parseScenario(changed((s) => Object.assign(s.qipp[1]!, { type: 'magic' })));
    expect(issues).toEqual([issue('FP_PLAN_BAD_SCENARIO', 'qipp[1].type')]);
    expect(issues[0]!.accepted).toBe('"transactional", "transformational"');
    expect(issues[0]!.received).toBe('"magic"');
  });

  it('FP_PLAN_BAD_RATE names qipp[1].rates[2]', () => {
    const { issues } = parseScenario(changed((s) => (s.qipp[1]!.rates[2] = -0.01)));
    expect(issues).toEqual([issue('FP_PLAN_BAD_RATE', 'qipp[1].rates[2]')]);
  });

  it('FP_PLAN_BAD_START_MONTH names the month outside 1–12', () => {
    const { issues } = parseScenario(changed((s) => (s.qipp[1]!.startMonth![1] = 0)));
    expect(issues).toEqual([issue('FP_PLAN_BAD_START_MONTH', 'qipp[1].startMonth[1]')]);
  });

  it('FP_PLAN_ARRAY_LENGTH names each array shorter than years', () => {
    const { issues } = parseScenario(
      changed((s) => {
        s.growth.inflation = [0.02];
        s.allocation.controlTotals.QUY = [0, 0];
      }),
    );
    expect(issues).toEqual([
      issue('FP_PLAN_ARRAY_LENGTH', 'growth.inflation'),
      issue('FP_PLAN_ARRAY_LENGTH', 'allocation.controlTotals.QUY'),
    ]);
  });

  it('FP_PLAN_BAD_GROWTH names a rate of −100%', () => {
    const { issues } = parseScenario(changed((s) => (s.growth.nonDemographic.byPod.HCD[0] = -1)));
    expect(issues).toEqual([issue('FP_PLAN_BAD_GROWTH', 'growth.nonDemographic.byPod.HCD[0]')]);
  });

  it('FP_PLAN_CUMULATIVE_SAVING when a scheme saves more than 100% over the plan', () => {
    const { issues } = parseScenario(changed((s) => (s.qipp[0]!.rates = [0.5, 0.4, 0.3])));
    expect(issues).toEqual([issue('FP_PLAN_CUMULATIVE_SAVING', 'qipp[0].rates')]);
  });

  it('FP_PLAN_SHARES_NOT_ONE for target and risk-share shares', () => {
    const { issues } = parseScenario(
      changed((s) => {
        s.allocation.target = { QUY: 0.6, QSL: 0.6 };
        s.riskShare.shares = { QUY: 0.5, QSL: 0.4 };
      }),
    );
    expect(issues).toEqual([
      issue('FP_PLAN_SHARES_NOT_ONE', 'allocation.target'),
      issue('FP_PLAN_SHARES_NOT_ONE', 'riskShare.shares'),
    ]);
  });

  it('FP_PLAN_BAD_SHARE names a share of 0', () => {
    const { issues } = parseScenario(changed((s) => (s.allocation.target = { QUY: 1, QSL: 0 })));
    expect(issues).toEqual([issue('FP_PLAN_BAD_SHARE', 'allocation.target.QSL')]);
  });

  it('FP_PLAN_BAD_CONVERGENCE when capGrowth is below floorGrowth', () => {
    const { issues } = parseScenario(changed((s) => (s.allocation.convergence.capGrowth = 0)));
    expect(issues).toEqual([issue('FP_PLAN_BAD_CONVERGENCE', 'allocation.convergence.capGrowth')]);
  });

  it('FP_PLAN_UNKNOWN_UNIT when a control total names a unit not in the scenario', () => {
    const { issues } = parseScenario(changed((s) => Object.assign(s.allocation.controlTotals, { QOX: [0, 0, 0] })));
    expect(issues).toEqual([issue('FP_PLAN_UNKNOWN_UNIT', 'allocation.controlTotals.QOX')]);
  });

  it('FP_PLAN_BAD_RISK_SHARE when a threshold agreement has no threshold', () => {
    const { issues } = parseScenario(changed((s) => Object.assign(s.riskShare, { threshold: undefined })));
    expect(issues).toEqual([issue('FP_PLAN_BAD_RISK_SHARE', 'riskShare.threshold')]);
  });

  it('collects every problem rather than stopping at the first', () => {
    const { issues } = parseScenario(
      changed((s) => {
        s.qipp[0]!.rates[0] = -0.1;
        s.qipp[1]!.startMonth![2] = 13;
      }),
    );
    expect(issues.map((i) => i.where?.field)).toEqual(['qipp[0].rates[0]', 'qipp[1].startMonth[2]']);
  });
});
