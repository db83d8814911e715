// The worked examples of docs/methods.md, "Service change", with the figures worked out there by hand.
import { describe, expect, it } from 'vitest';
import type { FinancialYear, IcbCode, ProviderCode, ServiceCode } from '../units.ts';
import { type ResolvedChange, type WhatIfFlow, whatIf } from './apply-changes.ts';
import { nearestProvider } from './nearest-provider.ts';
import { whatIfEvidence } from './what-if-evidence.ts';

const HOSTS: Record<string, string> = { P1: 'A', P2: 'B', P3: 'C', P9: 'Z' };
const flow = (
  residentIcb: string,
  provider: string,
  service: string,
  activity: number,
  pence: number,
  patients: number,
) =>
  ({
    financialYear: '2025/26' as FinancialYear,
    residentIcb: residentIcb as IcbCode,
    residenceKnown: true,
    providerCode: provider as ProviderCode,
    providerIcb: HOSTS[provider] as IcbCode,
    serviceCode: service as ServiceCode,
    activity,
    spendPence: pence,
    patients,
  }) satisfies WhatIfFlow;
const hosts = new Map(Object.entries(HOSTS) as [string, IcbCode][]);
const names = {
  service: (c: string) => `service ${c}`,
  provider: (c: string) => `provider ${c}`,
  icb: (c: string) => `ICB ${c}`,
};
const change = (c: Partial<ResolvedChange> & Pick<ResolvedChange, 'type' | 'fromProviders' | 'to' | 'startYear'>) =>
  ({ service: 'S', share: 1, phasing: [1], ...c }) as ResolvedChange;

describe('service change worked examples', () => {
  const consolidation = {
    baseYear: '2025/26' as FinancialYear,
    years: 2,
    providerHostIcb: hosts,
    flows: [
      flow('A', 'P1', 'S', 10, 1_000_01, 8),
      flow('B', 'P1', 'S', 5, 500_00, 4),
      flow('B', 'P2', 'S', 6, 600_50, 5),
      flow('C', 'P3', 'S', 20, 2_000_00, 15),
      flow('A', 'P3', 'S', 4, 400_00, 3),
      flow('A', 'P1', 'T', 3, 90_00, 3),
    ],
  };
  const close = change({
    type: 'consolidate',
    fromProviders: ['P1', 'P2'],
    to: { kind: 'providers', providers: ['P3'] },
    startYear: '2027/28' as FinancialYear,
  });

  it('Consolidation: two providers close into one', () => {
    const [first, second] = whatIf(consolidation, [close]);
    expect(first!.financialYear).toBe('2026/27');
    expect(first!.flows.map((f) => [f.residentIcb, f.providerCode, f.serviceCode, f.activity, f.spendPence])).toEqual(
      first!.baseline.map((f) => [f.residentIcb, f.providerCode, f.serviceCode, f.activity, f.spendPence]),
    );
    const cells = second!.flows.map((f) => [
      f.serviceCode,
      f.providerCode,
      f.residentIcb,
      f.activity,
      f.spendPence,
      f.patients,
    ]);
    expect(cells).toEqual([
      ['S', 'P1', 'A', 0, 0, 0],
      ['S', 'P1', 'B', 0, 0, 0],
      ['S', 'P2', 'B', 0, 0, 0],
      ['S', 'P3', 'A', 14, 1_400_01, 11],
      ['S', 'P3', 'B', 11, 1_100_50, 9],
      ['S', 'P3', 'C', 20, 2_000_00, 15],
      ['T', 'P1', 'A', 3, 90_00, 3],
    ]);

    const evidence = whatIfEvidence([first!, second!], new Set(['S']), () => 10, names);
    expect(evidence.years).toEqual([
      { financialYear: '2026/27', baselineSpend: 4_590.51, spend: 4_590.51, difference: 0 },
      { financialYear: '2027/28', baselineSpend: 4_590.51, spend: 4_590.51, difference: 0 },
    ]);
    const icb = (code: string) => evidence.icbs.find((r) => r.financialYear === '2027/28' && r.icb === code)!;
    expect([icb('A').baselineProviderBasisSpend, icb('A').providerBasisSpend]).toEqual([1_500.01, 0]);
    expect([icb('B').baselineProviderBasisSpend, icb('B').providerBasisSpend]).toEqual([600.5, 0]);
    expect([icb('C').baselineProviderBasisSpend, icb('C').providerBasisSpend]).toEqual([2_400, 4_500.51]);
    expect(['A', 'B', 'C'].map((c) => [icb(c).baselinePopulationBasisSpend, icb(c).populationBasisSpend])).toEqual([
      [1_400.01, 1_400.01],
      [1_100.5, 1_100.5],
      [2_000, 2_000],
    ]);
    expect(icb('A').baselineOutOfAreaShare).toBeCloseTo(0.285712, 6);
    expect(icb('B').baselineOutOfAreaShare).toBeCloseTo(0.454339, 6);
    expect([icb('A').outOfAreaShare, icb('B').outOfAreaShare, icb('C').outOfAreaShare]).toEqual([1, 1, 0]);
    expect(icb('B').baselineOccasionalPracticeShare).toBeCloseTo(0.555556, 6);
    expect(icb('B').occasionalPracticeShare).toBe(0);

    const p3 = evidence.providers.find((p) => p.financialYear === '2027/28' && p.provider === 'P3')!;
    expect([p3.baselinePatients, p3.patients]).toEqual([18, 35]);
    expect(p3.baselineCaseloadCv).toBeCloseTo(0.235702, 6);
    expect(p3.caseloadCv).toBeCloseTo(0.169031, 6);
    const p2 = evidence.providers.find((p) => p.financialYear === '2027/28' && p.provider === 'P2')!;
    expect([p2.baselineOccasional, p2.occasional, p2.patients, p2.caseloadCv]).toEqual([true, false, 0, null]);
    // Only the changed flows are listed: none in 2026/27, and T's flow at P1 never.
    expect(evidence.rows.map((r) => [r.financialYear, r.provider, r.residentIcb, r.spend])).toEqual([
      ['2027/28', 'P1', 'A', 0],
      ['2027/28', 'P1', 'B', 0],
      ['2027/28', 'P2', 'B', 0],
      ['2027/28', 'P3', 'A', 1_400.01],
      ['2027/28', 'P3', 'B', 1_100.5],
    ]);
  });

  it('Repatriation with phasing, a split and a cost change', () => {
    const years = whatIf(
      {
        baseYear: '2025/26' as FinancialYear,
        years: 2,
        providerHostIcb: hosts,
        flows: [
          flow('A', 'P9', 'S', 10, 1_000_00, 10),
          flow('B', 'P1', 'S', 10, 1_00, 10),
          flow('C', 'P3', 'S', 30, 3_00, 30),
        ],
      },
      [
        change({
          type: 'repatriate',
          residentIcbs: ['A'],
          fromProviders: ['P9'],
          to: { kind: 'providers', providers: ['P1', 'P3'] },
          share: 0.5,
          phasing: [0.5, 1],
          startYear: '2026/27' as FinancialYear,
          costChange: -0.1,
        }),
      ],
    );
    const residentsOfA = (i: number) =>
      years[i]!.flows.filter((f) => f.residentIcb === 'A').map((f) => [f.providerCode, f.activity, f.spendPence]);
    expect(residentsOfA(0)).toEqual([
      ['P1', 0.625, 56_25],
      ['P3', 1.875, 168_75],
      ['P9', 7.5, 750_00],
    ]);
    expect(residentsOfA(1)).toEqual([
      ['P1', 1.25, 112_50],
      ['P3', 3.75, 337_50],
      ['P9', 5, 500_00],
    ]);
    const km: Record<string, number> = { 'A|P9': 100, 'A|P1': 20, 'A|P3': 40 };
    const evidence = whatIfEvidence(
      years,
      new Set(['S']),
      () => 10,
      names,
      (i, p) => km[`${i}|${p}`] ?? null,
    );
    expect(evidence.years.map((y) => y.difference)).toEqual([-25, -50]);
    // A's mean travel: 100 km before; (0.625×20 + 1.875×40 + 7.5×100) / 10 = 83.75, then 67.5 km.
    const a = evidence.icbs.filter((r) => r.icb === 'A').map((r) => [r.baselineMeanDistanceKm, r.meanDistanceKm]);
    expect(a).toEqual([
      [100, 83.75],
      [100, 67.5],
    ]);
    // B's and C's providers are not located here: no distance.
    expect(evidence.icbs.find((r) => r.icb === 'B')!.meanDistanceKm).toBeNull();
  });
});

describe('nearest provider', () => {
  it('picks the closest by great-circle distance, ties to the lower code', () => {
    const leeds = { latitude: 53.8, longitude: -1.55 };
    const candidates = [
      { providerCode: 'RX2', latitude: 51.5, longitude: -0.12 },
      { providerCode: 'RX9', latitude: 53.48, longitude: -2.24 },
      { providerCode: 'RX1', latitude: 53.48, longitude: -2.24 },
    ];
    expect(nearestProvider(leeds, candidates)).toBe('RX1');
    expect(nearestProvider(leeds, [])).toBeNull();
  });
});
