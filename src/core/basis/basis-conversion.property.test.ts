// Invariants of the basis conversion that hold for every input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FinancialYear, IcbCode, ProviderCode, ServiceCode } from '../units.ts';
import { allocations } from './allocation.ts';
import { type ActivitySpend, flowMatrix } from './flow-matrix.ts';
import { outOfAreaShares } from './out-of-area-share.ts';
import { providerIncomeShares } from './provider-income-share.ts';
import { UNKNOWN_RESIDENCE_RULES } from './unknown-residence-rule.ts';

const ICBS = ['QA', 'QB', 'QC', 'QD'] as IcbCode[];
const PROVIDERS = ['R1', 'R2', 'R3', 'R4', 'R5'] as ProviderCode[];
const hostsArb = fc
  .tuple(...PROVIDERS.map(() => fc.option(fc.constantFrom(...ICBS), { freq: 5 })))
  .map((hosts) => new Map(PROVIDERS.map((p, i) => [p, hosts[i] ?? null] as const)));

const rowArb = (minCostPence: number) =>
  fc.record({
    financialYear: fc.constantFrom('2023/24', '2024/25') as fc.Arbitrary<FinancialYear>,
    providerCode: fc.constantFrom(...PROVIDERS),
    residentIcb: fc.option(fc.constantFrom(...ICBS), { freq: 4 }),
    serviceCode: fc.constantFrom('S1', 'S2', 'S3') as fc.Arbitrary<ServiceCode>,
    activity: fc.integer({ min: 0, max: 50 }),
    costPence: fc.integer({ min: minCostPence, max: 5_000_000_00 }),
  }) as fc.Arbitrary<ActivitySpend>;

const totalsBy = <T>(items: readonly T[], key: (t: T) => string, value: (t: T) => number) => {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(key(item), (totals.get(key(item)) ?? 0) + value(item));
  return Object.fromEntries([...totals].filter(([, v]) => v !== 0).sort());
};

describe('basis conversion properties', () => {
  it('money conserved: provider basis = population basis = input, per year and service, to the penny', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb(-1_000_000), { maxLength: 60 }),
        hostsArb,
        fc.constantFrom(...UNKNOWN_RESIDENCE_RULES),
        (rows, providerHostIcb, unknownResidenceRule) => {
          const result = allocations(flowMatrix(rows, { providerHostIcb, unknownResidenceRule }));
          const key = (t: { financialYear: string; serviceCode: string }) => `${t.financialYear} ${t.serviceCode}`;
          const input = totalsBy(rows, key, (r) => r.costPence);
          expect(totalsBy(result, key, (a) => a.providerBasisSpendPence)).toEqual(input);
          expect(totalsBy(result, key, (a) => a.populationBasisSpendPence)).toEqual(input);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('shares lie in 0–1 when no cost is negative', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb(0), { maxLength: 60 }),
        hostsArb,
        fc.constantFrom(...UNKNOWN_RESIDENCE_RULES),
        (rows, providerHostIcb, unknownResidenceRule) => {
          const flows = flowMatrix(rows, { providerHostIcb, unknownResidenceRule });
          const shares = [
            ...outOfAreaShares(flows).map((s) => s.outOfAreaShare),
            ...providerIncomeShares(flows).map((s) => s.shareFromOutside),
          ];
          for (const share of shares) {
            if (share !== null) {
              expect(share).toBeGreaterThanOrEqual(0);
              expect(share).toBeLessThanOrEqual(1);
            }
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('an ICB whose patients all go to its own providers has an out-of-area share of 0', () => {
    fc.assert(
      fc.property(fc.array(rowArb(1), { minLength: 1, maxLength: 40 }), hostsArb, (rows, providerHostIcb) => {
        // Send every QA patient to a provider hosted in QA (R1 is made QA's).
        providerHostIcb.set('R1' as ProviderCode, 'QA' as IcbCode);
        const homeRows = rows.map((r) => (r.residentIcb === 'QA' ? { ...r, providerCode: 'R1' as ProviderCode } : r));
        const flows = flowMatrix(homeRows, { providerHostIcb, unknownResidenceRule: 'unallocated' });
        for (const share of outOfAreaShares(flows).filter((s) => s.icb === 'QA')) {
          expect(share.outOfAreaShare).toBe(0);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('the flow matrix conserves activity and spend per provider', () => {
    fc.assert(
      fc.property(fc.array(rowArb(-1_000_000), { maxLength: 60 }), hostsArb, (rows, providerHostIcb) => {
        const flows = flowMatrix(rows, { providerHostIcb, unknownResidenceRule: 'provider-host-icb' });
        expect(
          totalsBy(
            flows,
            (f) => f.providerCode,
            (f) => f.spendPence,
          ),
        ).toEqual(
          totalsBy(
            rows,
            (r) => r.providerCode,
            (r) => r.costPence,
          ),
        );
        expect(
          totalsBy(
            flows,
            (f) => f.providerCode,
            (f) => f.activity,
          ),
        ).toEqual(
          totalsBy(
            rows,
            (r) => r.providerCode,
            (r) => r.activity,
          ),
        );
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
