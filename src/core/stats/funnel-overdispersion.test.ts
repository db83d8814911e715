import { describe, expect, it } from 'vitest';
import { calculateFunnelLimits, OVERDISPERSION_METHOD } from './funnel-limits.ts';
import { assignFunnelSignificance } from './funnel-significance.ts';

// Three units, each expecting 25 events, observing 16, 25 and 49.
const units = [
  { numerator: 16, denominator: 25 },
  { numerator: 25, denominator: 25 },
  { numerator: 49, denominator: 25 },
];

describe('worked examples (docs/methods.md)', () => {
  it('Funnel overdispersion: three units expecting 25 events observe 16, 25 and 49', () => {
    // √(O/E) = 0.8, 1.0, 1.4; s² = 1/(4·25) = 0.01, s = 0.1; z = −2, 0, 4.
    // 10th and 90th percentiles (type 7): −2 + 0.2·2 = −1.6 and 0 + 0.8·4 = 3.2; winsorised z: −1.6, 0, 3.2.
    // φ = (2.56 + 0 + 10.24)/3 = 4.266…; w = 100 each: τ² = (3φ − 2)/(300 − 30000/300) = 10.8/200 = 0.054.
    // At E = 25: spread = √(0.01 + 0.054) = 0.2529822128134704; 95% limits (1 ∓ 1.959963984540054·spread)²
    // = 0.5041652…² and 1.4958348…²; the unit at 49 has z = 0.4/0.2529822 = 1.5811 < 1.96: Not significant.
    const table = calculateFunnelLimits(units, { statistic: 'ratio', overdispersion: true });
    expect(table.overdispersion!.phi).toBeCloseTo(12.8 / 3, 12);
    expect(table.overdispersion!.tau2).toBeCloseTo(0.054, 12);
    expect(table.method).toBe(OVERDISPERSION_METHOD);
    expect(table.warnings.map((w) => w.code)).toEqual(['FPW006']);
    const row = table.rows.find((r) => r.x === 25)!;
    const spread = 0.2529822128134704;
    expect(row.limits[0]!.lower).toBeCloseTo((1 - 1.959963984540054 * spread) ** 2, 12);
    expect(row.limits[0]!.upper).toBeCloseTo((1 + 1.959963984540054 * spread) ** 2, 12);
    expect(row.limits[0]!.lowerAt).toBe(25);

    const labels = assignFunnelSignificance(units, { statistic: 'ratio', overdispersion: true }).units;
    expect(labels.map((u) => u.significance)).toEqual(['Not significant', 'Not significant', 'Not significant']);
    // Without the allowance, 49 observed against 25 expected is far outside the exact limits.
    expect(assignFunnelSignificance(units, { statistic: 'ratio' }).units[2]!.significance).toBe('High (0.001)');
  });

  it('leaves the exact limits when units vary no more than chance', () => {
    const calm = [
      { numerator: 24, denominator: 25 },
      { numerator: 25, denominator: 25 },
      { numerator: 26, denominator: 25 },
    ];
    const adjusted = calculateFunnelLimits(calm, { statistic: 'ratio', overdispersion: true });
    const exact = calculateFunnelLimits(calm, { statistic: 'ratio' });
    expect(adjusted.overdispersion!.tau2).toBe(0);
    expect(adjusted.rows).toEqual(exact.rows);
    expect(adjusted.method).toBe('Poisson');
    expect(adjusted.warnings.map((w) => w.code)).toEqual(['FPW007']);
  });

  it('widens proportion limits by τ² on the proportion scale', () => {
    // θ = 0.5; p = 0.3, 0.5, 0.7 at n = 100: s² = 0.0025 (w = 400), z = −4, 0, 4 → winsorised −3.2, 0, 3.2;
    // φ = 20.48/3; τ² = (20.48 − 2)/(1200 − 480000/1200) = 18.48/800 = 0.0231.
    const table = calculateFunnelLimits(
      [
        { numerator: 30, denominator: 100 },
        { numerator: 50, denominator: 100 },
        { numerator: 70, denominator: 100 },
      ],
      { statistic: 'proportion', overdispersion: true },
    );
    expect(table.overdispersion!.tau2).toBeCloseTo(0.0231, 12);
    const row = table.rows.find((r) => r.x === 100)!;
    expect(row.limits[0]!.upper).toBeCloseTo(0.5 + 1.959963984540054 * Math.sqrt(0.0025 + 0.0231), 12);
  });
});
