import { describe, expect, it } from 'vitest';
import { compareFlows, pearson } from './flow-comparison.ts';

// Worked example, by hand. Real: ICB A residents 80 at P1 (in A) + 20 at P2 (in B) → out-of-area 0.2;
// ICB B residents 50 at P2 + 50 at P1 → 0.5. Synthetic: A 90 + 10 → 0.1; B 60 + 40 → 0.4.
// Mean absolute difference (0.1 + 0.1) / 2 = 0.1. Correlation of (0.2, 0.5) with (0.1, 0.4) = 1.
// National real out-of-area (20 + 50) / 200 = 0.35; synthetic (10 + 40) / 200 = 0.25.
// Provider shares real: P1 130/200 = 0.65, P2 0.35; synthetic P1 (90+40)/200 = 0.65, P2 0.35 → r = 1.
describe('flow comparison', () => {
  const flow = (residentIcb: string, provider: string, amount: number) => ({
    residentIcb,
    provider,
    providerIcb: provider === 'P1' ? 'A' : 'B',
    amount,
  });
  const real = [flow('A', 'P1', 80), flow('A', 'P2', 20), flow('B', 'P2', 50), flow('B', 'P1', 50)];
  const synthetic = [flow('A', 'P1', 90), flow('A', 'P2', 10), flow('B', 'P2', 60), flow('B', 'P1', 40)];

  it('worked example: out-of-area shares, their difference and correlation', () => {
    const c = compareFlows(real, synthetic);
    expect(c.byIcb.map((r) => [r.icb, r.real, r.synthetic])).toEqual([
      ['A', 0.2, 0.1],
      ['B', 0.5, 0.4],
    ]);
    expect(c.outOfAreaMeanAbsoluteDifference).toBeCloseTo(0.1, 12);
    expect(c.outOfAreaCorrelation).toBeCloseTo(1, 12);
    expect(c.nationalOutOfArea.real).toBeCloseTo(0.35, 12);
    expect(c.nationalOutOfArea.synthetic).toBeCloseTo(0.25, 12);
    expect(c.providerShareCorrelation).toBeCloseTo(1, 12);
  });

  it('pearson: (1,2,3) with (3,2,1) is −1; a constant series gives NaN', () => {
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});
