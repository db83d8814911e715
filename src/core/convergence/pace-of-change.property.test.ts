import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paceOfChange } from './pace-of-change.ts';

const case_ = fc
  .record({
    previous: fc.array(fc.integer({ min: 0, max: 1e11 }), { minLength: 1, maxLength: 8 }),
    weights: fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 8, maxLength: 8 }),
    floorGrowth: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
    capRange: fc.double({ min: 0, max: 0.2, noNaN: true }),
    extra: fc.double({ min: 0, max: 0.5, noNaN: true }),
  })
  .map(({ previous, weights, floorGrowth, capRange, extra }) => {
    const used = weights.slice(0, previous.length);
    const total = used.reduce((s, w) => s + w, 0);
    const units = previous.map((p, i) => ({
      unit: `U${i}`,
      previousAllocationPence: p,
      targetShare: used[i]! / total,
    }));
    const floors = previous.reduce((s, p) => s + Math.ceil(p * (1 + floorGrowth) - 1e-6), 0);
    const envelopePence = floors + Math.round(previous.reduce((s, p) => s + p, 0) * extra);
    return { units, pace: { envelopePence, floorGrowth, capGrowth: floorGrowth + capRange } };
  });

describe('convergence properties', () => {
  it('allocations add up to the envelope, never fall below the floor and never take a unit below target past it', () => {
    fc.assert(
      fc.property(case_, ({ units, pace }) => {
        const { allocations, warnings } = paceOfChange(units, pace);
        expect(allocations.reduce((s, a) => s + a.allocationPence, 0)).toBe(pace.envelopePence);
        for (const a of allocations) {
          expect(Number.isInteger(a.allocationPence)).toBe(true);
          expect(a.allocationPence).toBeGreaterThanOrEqual(a.floorPence);
          if (a.floorPence < a.targetAllocationPence)
            expect(a.allocationPence).toBeLessThanOrEqual(a.targetAllocationPence);
          if (warnings.length === 0) expect(a.allocationPence).toBeLessThanOrEqual(a.capPence);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
