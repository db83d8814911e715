import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateSpc } from './spc.ts';

const SETTINGS = { seed: 42, numRuns: 200 };
const series = fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 2, maxLength: 60 });

describe('XmR limits', () => {
  it('are symmetric about the mean', () => {
    fc.assert(
      fc.property(series, fc.boolean(), (values, screenOutliers) => {
        const result = calculateSpc(
          values.map((y, i) => ({ x: i, y })),
          { screenOutliers },
        );
        for (const p of result.points) {
          expect(p.upl - p.mean).toBeCloseTo(p.mean - p.lpl, 9);
          expect(p.upl).toBeGreaterThanOrEqual(p.mean);
        }
      }),
      SETTINGS,
    );
  });
  it('flag a point as special cause exactly when its label is not Common Cause', () => {
    fc.assert(
      fc.property(series, (values) => {
        const result = calculateSpc(values.map((y, i) => ({ x: i, y })));
        return result.points.every((p) => p.specialCauseFlag === (p.specialCauseType !== 'Common Cause'));
      }),
      SETTINGS,
    );
  });
});
