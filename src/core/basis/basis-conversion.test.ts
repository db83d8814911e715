// Worked examples from docs/methods.md, "Basis conversion and flows". Expected values are worked by hand
// in the comments, never computed by the code under test.
import { describe, expect, it } from 'vitest';
import { FootprintError } from '../errors.ts';
import type { FinancialYear, IcbCode, ProviderCode, ServiceCode } from '../units.ts';
import { allocations } from './allocation.ts';
import { type ActivitySpend, flowMatrix } from './flow-matrix.ts';
import { outOfAreaShares } from './out-of-area-share.ts';
import { providerIncomeShares } from './provider-income-share.ts';
import { parseUnknownResidenceRule, UNALLOCATED } from './unknown-residence-rule.ts';

const Y = '2024/25' as FinancialYear;
const icb = (c: string) => c as IcbCode;
const row = (p: string, r: string | null, s: string, activity: number, costPence: number): ActivitySpend => ({
  financialYear: Y,
  providerCode: p as ProviderCode,
  residentIcb: r === null ? null : icb(r),
  serviceCode: s as ServiceCode,
  activity,
  costPence,
});

// Three ICBs A, B, C. P1 is hosted in A, P2 in B; P3 has no known host ICB.
const hosts = new Map<ProviderCode, IcbCode | null>([
  ['P1' as ProviderCode, icb('A')],
  ['P2' as ProviderCode, icb('B')],
  ['P3' as ProviderCode, null],
]);
const rows = [
  row('P1', 'A', 'S1', 2, 1000), // £10.00
  row('P1', 'B', 'S1', 1, 500),
  row('P2', 'A', 'S1', 3, 3000),
  row('P2', null, 'S1', 1, 700), // residence not known
  row('P2', 'B', 'S2', 1, 200),
  row('P3', 'C', 'S2', 1, 400),
  row('P1', 'A', 'S1', 1, -100), // a credit adjustment
];
// Input totals: S1 = 1000 + 500 + 3000 + 700 − 100 = 5100p; S2 = 200 + 400 = 600p.

describe('basis conversion worked example, default rule (provider-host-icb)', () => {
  const flows = flowMatrix(rows, { providerHostIcb: hosts, unknownResidenceRule: 'provider-host-icb' });

  it('groups rows into flows and books the unknown-residence row to P2’s host ICB B', () => {
    expect(
      flows.map((f) => [
        f.residentIcb,
        f.residenceKnown,
        f.providerCode,
        f.providerIcb,
        f.serviceCode,
        f.activity,
        f.spendPence,
      ]),
    ).toEqual([
      ['A', true, 'P1', 'A', 'S1', 3, 900], // rows 1 and 7: 1000 − 100
      ['A', true, 'P2', 'B', 'S1', 3, 3000],
      ['B', true, 'P1', 'A', 'S1', 1, 500],
      ['B', true, 'P2', 'B', 'S2', 1, 200],
      ['B', false, 'P2', 'B', 'S1', 1, 700],
      ['C', true, 'P3', UNALLOCATED, 'S2', 1, 400], // no host: provider basis is UNALLOCATED
    ]);
  });

  it('gives provider-basis and population-basis spend per ICB and service', () => {
    // Provider basis: A/S1 = P1's 900 + 500 = 1400; B/S1 = P2's 3000 + 700 = 3700; B/S2 = 200; P3 → UNALLOCATED 400.
    // Population basis: A/S1 = 900 + 3000 = 3900; B/S1 = 500 + 700 = 1200; B/S2 = 200; C/S2 = 400.
    expect(
      allocations(flows).map((a) => [a.icb, a.serviceCode, a.providerBasisSpendPence, a.populationBasisSpendPence]),
    ).toEqual([
      ['A', 'S1', 1400, 3900],
      ['B', 'S1', 3700, 1200],
      ['B', 'S2', 200, 200],
      ['C', 'S2', 0, 400],
      [UNALLOCATED, 'S2', 400, 0],
    ]);
  });

  it('gives each ICB’s out-of-area share', () => {
    // A/S1: 3000 of 3900 at P2 (hosted in B) = 10/13. B/S1: 500 of 1200 at P1 (in A) = 5/12; the
    // unknown-residence 700 sits at B's own P2. B/S2: 0. C/S2: all 400 at P3, hosted outside C = 1.
    expect(
      outOfAreaShares(flows).map((s) => [
        s.icb,
        s.serviceCode,
        s.populationBasisSpendPence,
        s.outOfAreaSpendPence,
        s.outOfAreaShare,
      ]),
    ).toEqual([
      ['A', 'S1', 3900, 3000, 10 / 13],
      ['B', 'S1', 1200, 500, 5 / 12],
      ['B', 'S2', 200, 0, 0],
      ['C', 'S2', 400, 400, 1],
    ]);
  });

  it('gives each provider’s share of income from outside its host ICB', () => {
    // P1/S1: 500 of 1400 from B = 5/14. P2/S1: 3000 of 3700 from A = 30/37. P2/S2: 0 of 200.
    // P3/S2: 400 of 400 from C, which is not P3's (unknown) host = 1.
    expect(
      providerIncomeShares(flows).map((s) => [
        s.providerCode,
        s.serviceCode,
        s.incomePence,
        s.incomeFromOutsidePence,
        s.unallocatedIncomePence,
        s.shareFromOutside,
      ]),
    ).toEqual([
      ['P1', 'S1', 1400, 500, 0, 5 / 14],
      ['P2', 'S1', 3700, 3000, 0, 30 / 37],
      ['P2', 'S2', 200, 0, 0, 0],
      ['P3', 'S2', 400, 400, 0, 1],
    ]);
  });
});

describe('basis conversion worked example, rule unallocated', () => {
  const flows = flowMatrix(rows, { providerHostIcb: hosts, unknownResidenceRule: 'unallocated' });

  it('keeps the unknown-residence 700p apart under UNALLOCATED on population basis', () => {
    // B/S1 population basis drops to 500; UNALLOCATED/S1 gets 700; provider basis is unchanged.
    expect(
      allocations(flows).map((a) => [a.icb, a.serviceCode, a.providerBasisSpendPence, a.populationBasisSpendPence]),
    ).toEqual([
      ['A', 'S1', 1400, 3900],
      ['B', 'S1', 3700, 500],
      ['B', 'S2', 200, 200],
      ['C', 'S2', 0, 400],
      [UNALLOCATED, 'S1', 0, 700],
      [UNALLOCATED, 'S2', 400, 0],
    ]);
  });

  it('gives UNALLOCATED no out-of-area share and counts it apart in provider income', () => {
    // B/S1: all its 500 is at P1 in A → 1. P2/S1: 3000 from A outside, 700 unallocated, share 30/37.
    const shares = outOfAreaShares(flows);
    expect(shares.find((s) => s.icb === 'B' && s.serviceCode === 'S1')?.outOfAreaShare).toBe(1);
    expect(shares.some((s) => s.icb === UNALLOCATED)).toBe(false);
    const p2 = providerIncomeShares(flows).find((s) => s.providerCode === 'P2' && s.serviceCode === 'S1');
    expect([p2?.incomePence, p2?.incomeFromOutsidePence, p2?.unallocatedIncomePence, p2?.shareFromOutside]).toEqual([
      3700,
      3000,
      700,
      30 / 37,
    ]);
  });
});

describe('basis conversion input checks', () => {
  it('rejects cost that is not whole pence, naming the row and field', () => {
    const bad = [row('P1', 'A', 'S1', 1, 100), row('P1', 'A', 'S1', 1, 10.5)];
    try {
      flowMatrix(bad, { providerHostIcb: hosts, unknownResidenceRule: 'provider-host-icb' });
      expect.unreachable('flowMatrix accepted fractional pence');
    } catch (error) {
      expect(error).toBeInstanceOf(FootprintError);
      expect((error as FootprintError).problem).toMatchObject({
        code: 'FP_BASIS_BAD_INPUT',
        where: { row: 2, field: 'costPence' },
        received: '10.5',
      });
    }
  });

  it('rejects activity that is not a finite number', () => {
    expect(() =>
      flowMatrix([row('P1', 'A', 'S1', Number.NaN, 1)], {
        providerHostIcb: hosts,
        unknownResidenceRule: 'unallocated',
      }),
    ).toThrowError(
      expect.objectContaining({
        problem: expect.objectContaining({ code: 'FP_BASIS_BAD_INPUT', where: { row: 1, field: 'activity' } }),
      }),
    );
  });

  it('rejects an unknown rule name, naming the parameter', () => {
    expect(() => parseUnknownResidenceRule('hosted', '--unknown-residence')).toThrowError(
      expect.objectContaining({
        problem: expect.objectContaining({ code: 'FP_RUN_BAD_RULE', where: { parameter: '--unknown-residence' } }),
      }),
    );
    expect(parseUnknownResidenceRule('unallocated')).toBe('unallocated');
  });
});
