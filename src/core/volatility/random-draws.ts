// The three draws the simulation needs, each exact for its distribution: Poisson counts (inversion below
// λ = 10, Hörmann's PTRS transformed rejection above, as in NumPy), standard normals (Box–Muller) and gamma
// variates (Marsaglia and Tsang, with the U^(1/k) boost for shape below 1).
import type { SeededRandom } from '../generate/seeded-random.ts';
import { logGamma } from '../stats/distributions.ts';

/** Parameters of PTRS for one λ, computed once per simulation rather than once per draw. */
export interface PoissonSampler {
  lambda: number;
  expMinusLambda: number;
  logLambda: number;
  a: number;
  b: number;
  logInvAlpha: number;
  vr: number;
}

export function poissonSampler(lambda: number): PoissonSampler {
  const b = 0.931 + 2.53 * Math.sqrt(lambda);
  return {
    lambda,
    expMinusLambda: Math.exp(-lambda),
    logLambda: Math.log(lambda),
    a: -0.059 + 0.02483 * b,
    b,
    logInvAlpha: Math.log(1.1239 + 1.1328 / (b - 3.4)),
    vr: 0.9277 - 3.6224 / (b - 2),
  };
}

export function drawPoisson(random: SeededRandom, s: PoissonSampler): number {
  if (s.lambda < 10) {
    let k = 0;
    let p = s.expMinusLambda;
    let cumulative = p;
    const u = random.next();
    while (u > cumulative && k < 1000) {
      k++;
      p *= s.lambda / k;
      cumulative += p;
    }
    return k;
  }
  for (;;) {
    const u = random.next() - 0.5;
    const v = random.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * s.a) / us + s.b) * u + s.lambda + 0.43);
    if (us >= 0.07 && v <= s.vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + s.logInvAlpha - Math.log(s.a / (us * us) + s.b) <=
      -s.lambda + k * s.logLambda - logGamma(k + 1)
    ) {
      return k;
    }
  }
}

export function drawStandardNormal(random: SeededRandom): number {
  const u = 1 - random.next(); // (0, 1], so the log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** A gamma variate with the given shape and scale (mean shape·scale). */
export function drawGamma(random: SeededRandom, shape: number, scale: number): number {
  if (shape < 1) {
    const boosted = drawGamma(random, shape + 1, scale);
    return boosted * (1 - random.next()) ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = drawStandardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}
