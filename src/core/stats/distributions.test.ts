import { describe, expect, it } from 'vitest';
import {
  betaQuantile,
  chiSquareCdf,
  chiSquareQuantile,
  fQuantile,
  incompleteGamma,
  normalQuantile,
  poissonCdf,
  studentTQuantile,
} from './distributions.ts';

// Expected values are independent of this code: closed forms where the distribution has one, otherwise
// values printed by scipy 1.17 (scipy.stats.*.ppf / cdf, which use Cephes/Boost), to 16 significant digits.
// Tolerance: 1e-12 relative (methods.md §0 asks for about 1e-12; the brief for at least 1e-9).
const TOLERANCE = 1e-12;

function expectClose(actual: number, expected: number, tolerance = TOLERANCE) {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tolerance);
}

describe('normal quantile (AS 241)', () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.999, 3.090232306167813],
    [0.5, 0],
    [0.025, -1.959963984540054],
    [0.3, -0.5244005127080409],
    [1e-10, -6.361340902404056],
    [1 - 1e-10, 6.361340889697422],
  ])('Φ⁻¹(%s) = %s', (p, z) => {
    if (z === 0) expect(normalQuantile(p)).toBe(0);
    else expectClose(normalQuantile(p), z);
  });
  it('is infinite at 0 and 1 and NaN outside', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('chi-square quantile', () => {
  it('matches the closed form for 2 degrees of freedom, −2·ln(1 − p)', () => {
    for (const p of [0.001, 0.025, 0.5, 0.975, 0.999]) expectClose(chiSquareQuantile(p, 2), -2 * Math.log1p(-p));
  });
  it('matches the closed form for 1 degree of freedom, Φ⁻¹((1 + p)/2)²', () => {
    for (const p of [0.05, 0.5, 0.95, 0.998])
      expectClose(chiSquareQuantile(p, 1), normalQuantile((1 + p) / 2) ** 2, 1e-11);
  });
  it.each([
    [0.975, 4, 11.143286781877796],
    [0.025, 20, 9.590777392264867],
    [0.975, 22, 36.78071208403556],
    [0.001, 19, 5.406816017601797],
    [0.999, 200, 267.5405278227572],
    [0.025, 2e6, 1996081.9666805877],
  ])('χ²(%s; ν=%s) = %s (scipy)', (p, nu, x) => {
    expectClose(chiSquareQuantile(p, nu), x);
  });
  it('inverts its own distribution function', () => {
    for (const nu of [1, 3, 18, 150])
      for (const p of [0.001, 0.2, 0.8, 0.999]) expectClose(chiSquareCdf(chiSquareQuantile(p, nu), nu), p, 1e-11);
  });
  it('is 0 for 0 degrees of freedom (the lower exact limit of a zero count)', () => {
    expect(chiSquareQuantile(0.025, 0)).toBe(0);
  });
});

describe('Student t quantile', () => {
  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    for (const p of [0.6, 0.975, 0.999]) {
      expectClose(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)));
      expectClose(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)));
    }
  });
  it.each([
    [0.975, 7, 2.364624251592784],
    [0.999, 7, 4.785289628638333],
    [0.975, 17, 2.1098155778333156],
    [0.975, 25, 2.0595385527532972],
    [0.6, 3, 0.2766706623326898],
  ])('t(%s; ν=%s) = %s (scipy)', (p, nu, t) => {
    expectClose(studentTQuantile(p, nu), t);
  });
  it('is symmetric', () => {
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-studentTQuantile(0.975, 9), 14);
  });
});

describe('beta and F quantiles', () => {
  it('matches the closed form of beta(a, 1), p^(1/a)', () => {
    for (const a of [0.5, 2, 7]) for (const p of [0.01, 0.5, 0.99]) expectClose(betaQuantile(p, a, 1), p ** (1 / a));
  });
  it.each([
    [0.025, 2, 3, 0.06758598648854294],
    [0.001, 50, 60, 0.3129646009363541],
  ])('beta(%s; %s, %s) = %s (scipy)', (p, a, b, x) => {
    expectClose(betaQuantile(p, a, b), x);
  });
  it('matches F(1, ν) = t(ν)² and scipy', () => {
    expectClose(fQuantile(0.95, 1, 12), studentTQuantile(0.975, 12) ** 2);
    expectClose(fQuantile(0.975, 2, 10), 5.45639552591273);
  });
});

describe('Poisson distribution function', () => {
  it('matches the direct sum', () => {
    // P(X ≤ 3 | 2.5) = e^-2.5 (1 + 2.5 + 2.5²/2 + 2.5³/6)
    expectClose(poissonCdf(3, 2.5), Math.exp(-2.5) * (1 + 2.5 + 2.5 ** 2 / 2 + 2.5 ** 3 / 6));
    expectClose(poissonCdf(0, 1), Math.exp(-1));
  });
  it('stays accurate for counts in the millions (scipy)', () => {
    expectClose(poissonCdf(1e6, 1e6 + 1000), 0.15889726494589593, 1e-10);
  });
  it('has P + Q = 1', () => {
    const { lower, upper } = incompleteGamma(12.5, 9);
    expect(lower + upper).toBeCloseTo(1, 15);
  });
});
