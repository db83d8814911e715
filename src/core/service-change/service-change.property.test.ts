// Invariants of the service-change what-if that hold for every input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFinancialYear } from '../planning/plan-years.ts';
import type { FinancialYear, IcbCode, ProviderCode, ServiceCode } from '../units.ts';
import { type ResolvedChange, type WhatIfFlow, whatIf } from './apply-changes.ts';

const ICBS = ['QA', 'QB', 'QC'];
const PROVIDERS = ['R1', 'R2', 'R3', 'R4', 'R5'];
const SERVICES = ['S1', 'S2'];
const BASE = '2025/26' as FinancialYear;
const hosts = new Map(PROVIDERS.map((p, i) => [p, ICBS[i % ICBS.length] as IcbCode]));

const flowsArb = fc
  .uniqueArray(
    fc.record({
      residentIcb: fc.constantFrom(...ICBS),
      providerCode: fc.constantFrom(...PROVIDERS),
      serviceCode: fc.constantFrom(...SERVICES),
      activity: fc.integer({ min: 0, max: 200 }),
      spendPence: fc.integer({ min: -50_000, max: 90_000_000 }),
      patients: fc.integer({ min: 0, max: 100 }),
    }),
    { selector: (f) => `${f.residentIcb}|${f.providerCode}|${f.serviceCode}`, maxLength: 30 },
  )
  .map((rows) =>
    rows.map(
      (r): WhatIfFlow => ({
        ...r,
        financialYear: BASE,
        residentIcb: r.residentIcb as IcbCode,
        residenceKnown: true,
        providerCode: r.providerCode as ProviderCode,
        providerIcb: hosts.get(r.providerCode)!,
        serviceCode: r.serviceCode as ServiceCode,
      }),
    ),
  );

/** Disjoint from/to lists drawn from the providers. */
const changeArb = (withCost: boolean) =>
  fc
    .record({
      type: fc.constantFrom('repatriate', 'consolidate') as fc.Arbitrary<'repatriate' | 'consolidate'>,
      service: fc.constantFrom(...SERVICES),
      order: fc.shuffledSubarray(PROVIDERS, { minLength: 2, maxLength: 5 }),
      split: fc.integer({ min: 1, max: 4 }),
      residentIcbs: fc.option(fc.subarray(ICBS, { minLength: 1 }), { nil: undefined }),
      share: fc.double({ min: 0.01, max: 1, noNaN: true }),
      phasing: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }),
      start: fc.integer({ min: 1, max: 3 }),
      costChange: withCost ? fc.double({ min: -0.5, max: 0.5, noNaN: true }) : fc.constant(undefined),
    })
    .map((c): ResolvedChange => {
      const cut = Math.min(c.split, c.order.length - 1);
      return {
        type: c.type,
        service: c.service,
        fromProviders: c.order.slice(0, cut),
        to: { kind: 'providers', providers: c.order.slice(cut) },
        residentIcbs: c.type === 'repatriate' ? c.residentIcbs : undefined,
        share: c.share,
        phasing: c.phasing,
        startYear: planFinancialYear(BASE, c.start),
        costChange: c.costChange,
      };
    });

const total = (flows: readonly WhatIfFlow[], service?: string) =>
  flows.filter((f) => service === undefined || f.serviceCode === service).reduce((s, f) => s + f.spendPence, 0);

describe('service change properties', () => {
  it('money conserved without a cost change: every year and service totals the baseline to the penny', () => {
    fc.assert(
      fc.property(flowsArb, fc.array(changeArb(false), { maxLength: 3 }), (flows, changes) => {
        for (const year of whatIf({ baseYear: BASE, years: 3, flows, providerHostIcb: hosts }, changes)) {
          for (const service of SERVICES) expect(total(year.flows, service)).toBe(total(year.baseline, service));
          for (const f of year.flows) expect(Number.isInteger(f.spendPence)).toBe(true);
        }
      }),
      { seed: 20, numRuns: 300 },
    );
  });

  it('activity at closed providers is zero from the start year, and nothing moves before it', () => {
    fc.assert(
      fc.property(flowsArb, changeArb(true), (flows, drawn) => {
        const close: ResolvedChange = {
          ...drawn,
          type: 'consolidate',
          residentIcbs: undefined,
          share: 1,
          phasing: [1],
        };
        const years = whatIf({ baseYear: BASE, years: 3, flows, providerHostIcb: hosts }, [close]);
        for (const year of years) {
          const atClosed = year.flows.filter(
            (f) => f.serviceCode === close.service && close.fromProviders.includes(f.providerCode),
          );
          if (year.financialYear >= close.startYear) {
            for (const f of atClosed) expect([f.activity, f.spendPence, f.patients]).toEqual([0, 0, 0]);
          } else {
            expect(year.flows).toEqual(year.baseline);
          }
        }
      }),
      { seed: 21, numRuns: 300 },
    );
  });

  it('activity and patients are conserved by service (cost changes move money, not patients)', () => {
    fc.assert(
      fc.property(flowsArb, fc.array(changeArb(true), { maxLength: 3 }), (flows, changes) => {
        for (const year of whatIf({ baseYear: BASE, years: 3, flows, providerHostIcb: hosts }, changes)) {
          for (const service of SERVICES) {
            const sum = (fs: readonly WhatIfFlow[], pick: (f: WhatIfFlow) => number) =>
              fs.filter((f) => f.serviceCode === service).reduce((s, f) => s + pick(f), 0);
            expect(sum(year.flows, (f) => f.activity)).toBeCloseTo(
              sum(year.baseline, (f) => f.activity),
              6,
            );
            expect(sum(year.flows, (f) => f.patients)).toBeCloseTo(
              sum(year.baseline, (f) => f.patients),
              6,
            );
          }
        }
      }),
      { seed: 22, numRuns: 200 },
    );
  });
});
