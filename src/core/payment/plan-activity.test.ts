// The worked example of docs/methods.md, "Payment mechanisms and CQUIN": activity under the plan.
import { describe, expect, it } from 'vitest';
import { planVolumeIndex, projectedActivity } from './plan-activity.ts';

describe('activity under the plan', () => {
  it('Payment: a line’s activity under the plan', () => {
    const index = planVolumeIndex([
      // A: £1,000 grows by £20 demographic and £30 non-demographic (inflation is price, left out): 1.05;
      // then £1,100 (after inflation) by £11 + £11: 1.05 × 1.02 = 1.071.
      {
        unit: 'A',
        financialYear: '2026/27',
        previousDoNothing: 1_000,
        demographicGrowth: 20,
        nonDemographicGrowth: 30,
      },
      {
        unit: 'A',
        financialYear: '2027/28',
        previousDoNothing: 1_100,
        demographicGrowth: 11,
        nonDemographicGrowth: 11,
      },
      { unit: 'B', financialYear: '2026/27', previousDoNothing: 500, demographicGrowth: 5, nonDemographicGrowth: 0 },
    ]);
    expect(index.get('A')!.get('2026/27')).toBeCloseTo(1.05, 12);
    expect(index.get('A')!.get('2027/28')).toBeCloseTo(1.071, 12);
    const flows = [
      { residentIcb: 'A', activity: 300 },
      { residentIcb: 'B', activity: 100 },
      { residentIcb: 'C', activity: 40 },
    ];
    // 300 × 1.05 + 100 × 1.01 + 40 (C is not in the plan) = 456.
    expect(projectedActivity(flows, index, '2026/27')).toBeCloseTo(456, 9);
    // 2027/28: 300 × 1.071 + 100 (B has no row that year) + 40 = 461.3.
    expect(projectedActivity(flows, index, '2027/28')).toBeCloseTo(461.3, 9);
  });
});
