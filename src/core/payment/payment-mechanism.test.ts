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

  it('Payment: alliance and lead-provider risk share', () => {
    const target = { valuePence: 1_234_567_89, plannedActivity: 400 };
    const alliance = { ...target, mechanism: 'alliance' as const, providerShare: 0.4 };
    const lead = { ...target, mechanism: 'lead-provider' as const, providerShare: 1, riskCap: 0.03 };
    // 437: variance +£114,197.53; the alliance provider bears 40%, the lead provider up to £37,037.04.
    expect(lineIncomePence(alliance, 437)).toBe(1_303_086_41);
    expect(lineIncomePence(lead, 437)).toBe(1_311_728_38);
    // 371: variance −£89,506.17; the gain is shared the same way.
    expect(lineIncomePence(alliance, 371)).toBe(1_180_864_19);
    expect(lineIncomePence(lead, 371)).toBe(1_182_098_75);
    // On target there is no variance to share.
    expect(lineIncomePence(alliance, 400)).toBe(1_234_567_89);
  });

  it('an activity-based line with no planned activity cannot be priced', () => {
    expect(() => lineIncomePence({ valuePence: 100, plannedActivity: 0, mechanism: 'activity' }, 5)).toThrow(
      /planned activity/,
    );
  });
});
