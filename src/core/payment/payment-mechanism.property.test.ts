// Invariants of the payment mechanisms that hold for every contract line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineIncomePence } from './payment-mechanism.ts';

const lineArb = fc.record({
  valuePence: fc.integer({ min: 0, max: 50_000_000_00 }),
  plannedActivity: fc.integer({ min: 1, max: 100_000 }),
  fixedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  providerShare: fc.double({ min: 0, max: 1, noNaN: true }),
  riskCap: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
});

describe('payment mechanism properties', () => {
  it('at planned activity every volume-linked mechanism pays the contract value, to the penny', () => {
    fc.assert(
      fc.property(lineArb, (l) => {
        for (const mechanism of ['block', 'activity', 'blended', 'alliance', 'lead-provider'] as const) {
          expect(lineIncomePence({ ...l, mechanism }, l.plannedActivity)).toBe(l.valuePence);
        }
      }),
      { seed: 30, numRuns: 300 },
    );
  });

  it('blended income lies between block and activity-based income, at any activity', () => {
    fc.assert(
      fc.property(lineArb, fc.integer({ min: 0, max: 200_000 }), (l, activity) => {
        const block = lineIncomePence({ ...l, mechanism: 'block' }, activity);
        const byActivity = lineIncomePence({ ...l, mechanism: 'activity' }, activity);
        const blended = lineIncomePence({ ...l, mechanism: 'blended' }, activity);
        expect(blended).toBeGreaterThanOrEqual(Math.min(block, byActivity) - 1);
        expect(blended).toBeLessThanOrEqual(Math.max(block, byActivity) + 1);
      }),
      { seed: 31, numRuns: 300 },
    );
  });

  it('risk-share income lies between block and activity-based income, and the provider never bears more than its cap', () => {
    fc.assert(
      fc.property(lineArb, fc.integer({ min: 0, max: 200_000 }), (l, activity) => {
        const block = lineIncomePence({ ...l, mechanism: 'block' }, activity);
        const byActivity = lineIncomePence({ ...l, mechanism: 'activity' }, activity);
        for (const mechanism of ['alliance', 'lead-provider'] as const) {
          const shared = lineIncomePence({ ...l, mechanism }, activity);
          expect(shared).toBeGreaterThanOrEqual(Math.min(block, byActivity) - 1);
          expect(shared).toBeLessThanOrEqual(Math.max(block, byActivity) + 1);
          if (l.riskCap !== undefined) {
            expect(Math.abs(byActivity - shared)).toBeLessThanOrEqual(Math.ceil(l.riskCap * l.valuePence) + 1);
          }
        }
      }),
      { seed: 32, numRuns: 300 },
    );
  });
});
