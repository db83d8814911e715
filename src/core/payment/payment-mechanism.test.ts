// The worked example of docs/methods.md, "Payment mechanisms and CQUIN".
import { describe, expect, it } from 'vitest';
import { cquinEarnedPence, lineIncomePence } from './payment-mechanism.ts';

describe('payment mechanisms', () => {
  const line = { valuePence: 1_000_000_00, plannedActivity: 400 };
  it('Payment: one line under each mechanism', () => {
    expect(lineIncomePence({ ...line, mechanism: 'block' }, 440)).toBe(1_000_000_00);
    expect(lineIncomePence({ ...line, mechanism: 'activity' }, 440)).toBe(1_100_000_00);
    expect(lineIncomePence({ ...line, mechanism: 'blended', fixedShare: 0.8 }, 440)).toBe(1_020_000_00);
    expect(lineIncomePence({ ...line, mechanism: 'outcome', outcomeShare: 0.1, outcomeAchievement: 0.5 }, 440)).toBe(
      950_000_00,
    );
    expect(cquinEarnedPence(25_000_00, 0.6)).toBe(15_000_00);
    expect(cquinEarnedPence(10_000_00, null)).toBeNull();
  });

  it('an activity-based line with no planned activity cannot be priced', () => {
    expect(() => lineIncomePence({ valuePence: 100, plannedActivity: 0, mechanism: 'activity' }, 5)).toThrow(
      /planned activity/,
    );
  });
});
