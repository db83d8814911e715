import { describe, expect, it } from 'vitest';
import { type RiskShareMember, riskShare } from './risk-share.ts';

/** Matches a thrown FootprintError by its problem's code and location. */
const problem = (code: string, where: object) =>
  expect.objectContaining({ problem: expect.objectContaining({ code, where }) });

const million = 100_000_000; // pence
const members: RiskShareMember[] = [
  { icb: 'AAA', allocationPence: 50 * million, outturnPence: 52 * million, population: 1_000_000 },
  { icb: 'BBB', allocationPence: 30 * million, outturnPence: 29 * million, population: 500_000 },
  { icb: 'CCC', allocationPence: 20 * million, outturnPence: 21.5 * million, population: 500_000 },
];
const positions = (result: ReturnType<typeof riskShare>) => result.members.map((m) => m.positionPence);

describe('Worked example (risk share)', () => {
  it('pool: 2.5m shared 0.5 : 0.3 : 0.2', () => {
    const result = riskShare(members, { type: 'pool', basis: 'allocation' });
    // Variances +2m, −1m, +1.5m; total +2.5m → 1.25m, 0.75m, 0.5m.
    expect(result.members.map((m) => m.variancePence)).toEqual([2 * million, -1 * million, 1.5 * million]);
    expect(result.totalVariancePence).toBe(2.5 * million);
    expect(positions(result)).toEqual([1.25 * million, 0.75 * million, 0.5 * million]);
  });

  it('threshold 2%: own variance within ±2% of allocation, the excess pooled', () => {
    const result = riskShare(members, { type: 'threshold', basis: 'allocation', threshold: 0.02 });
    // Own 1m, −0.6m, 0.4m; pool 1 − 0.4 + 1.1 = 1.7m shared 0.85m, 0.51m, 0.34m.
    expect(result.members.map((m) => m.ownVariancePence)).toEqual([1 * million, -0.6 * million, 0.4 * million]);
    expect(result.poolPence).toBe(1.7 * million);
    // 1 + 0.85 = 1.85m; −0.6 + 0.51 = −0.09m; 0.4 + 0.34 = 0.74m.
    expect(positions(result)).toEqual([1.85 * million, -0.09 * million, 0.74 * million]);
  });

  it('threshold 2% with a £0.6m cap', () => {
    const result = riskShare(members, {
      type: 'threshold',
      basis: 'allocation',
      threshold: 0.02,
      capPence: 0.6 * million,
    });
    // Pool shares 0.6m (capped), 0.6m (capped after 0.66m), 0.5m; positions 1.6m, 0m, 0.9m.
    expect(result.members.map((m) => m.poolSharePence)).toEqual([0.6 * million, 0.6 * million, 0.5 * million]);
    expect(positions(result)).toEqual([1.6 * million, 0, 0.9 * million]);
    expect(result.warnings).toEqual([]);
  });

  it('threshold 2% with a £0.4m cap: everyone capped, the rest shared over the caps (FPW102)', () => {
    const result = riskShare(members, {
      type: 'threshold',
      basis: 'allocation',
      threshold: 0.02,
      capPence: 0.4 * million,
    });
    // 1.2m within caps; 0.5m over them, 0.25m, 0.15m, 0.10m: pool shares 0.65m, 0.55m, 0.5m.
    expect(result.members.map((m) => m.poolSharePence)).toEqual([65_000_000, 55_000_000, 50_000_000]);
    expect(positions(result)).toEqual([165_000_000, -5_000_000, 90_000_000]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'FPW102', where: { field: 'riskShare.cap' } })]);
  });
});

describe('risk share', () => {
  it('shares by population and by fixed shares', () => {
    // Population 1m : 0.5m : 0.5m = 0.5 : 0.25 : 0.25 of 2.5m.
    expect(positions(riskShare(members, { type: 'pool', basis: 'population' }))).toEqual([
      1.25 * million,
      0.625 * million,
      0.625 * million,
    ]);
    const fixed = riskShare(members, { type: 'pool', basis: 'fixed', shares: { AAA: 0.4, BBB: 0.4, CCC: 0.2 } });
    expect(positions(fixed)).toEqual([1 * million, 1 * million, 0.5 * million]);
  });

  it('rounds an indivisible pool to whole pence that add up to it', () => {
    const three = members.map((m) => ({ ...m, allocationPence: 100, outturnPence: 100 }));
    three[0]!.outturnPence = 101; // 1p overspend shared three ways
    const result = riskShare(three, { type: 'pool', basis: 'fixed', shares: { AAA: 1 / 3, BBB: 1 / 3, CCC: 1 / 3 } });
    expect(positions(result)).toEqual([1, 0, 0]);
  });

  it('FP_PLAN_SHARES_NOT_ONE when fixed shares do not add up to 1', () => {
    expect(() =>
      riskShare(members, { type: 'pool', basis: 'fixed', shares: { AAA: 0.5, BBB: 0.5, CCC: 0.5 } }),
    ).toThrow(problem('FP_PLAN_SHARES_NOT_ONE', { field: 'riskShare.shares' }));
  });

  it('FP_PLAN_BAD_SHARE names the member with no fixed share', () => {
    expect(() => riskShare(members, { type: 'pool', basis: 'fixed', shares: { AAA: 0.5, BBB: 0.5 } })).toThrow(
      problem('FP_PLAN_BAD_SHARE', { field: 'riskShare.shares.CCC' }),
    );
  });

  it('FP_PLAN_BAD_RISK_SHARE when a threshold agreement has no threshold', () => {
    expect(() => riskShare(members, { type: 'threshold', basis: 'allocation' })).toThrow(
      problem('FP_PLAN_BAD_RISK_SHARE', { field: 'riskShare.threshold' }),
    );
  });

  it('FP_PLAN_BAD_RISK_SHARE when the population basis has no population', () => {
    const noPopulation = members.map(({ population: _, ...m }) => m);
    expect(() => riskShare(noPopulation, { type: 'pool', basis: 'population' })).toThrow(
      problem('FP_PLAN_BAD_RISK_SHARE', { field: 'riskShare.basis' }),
    );
  });

  it('FP_PLAN_BAD_MONEY names the outturn that is not whole pence', () => {
    const bad = [{ ...members[0]!, outturnPence: 0.5 }, ...members.slice(1)];
    expect(() => riskShare(bad, { type: 'pool', basis: 'allocation' })).toThrow(
      problem('FP_PLAN_BAD_MONEY', { field: 'riskShare.outturn.AAA' }),
    );
  });
});
