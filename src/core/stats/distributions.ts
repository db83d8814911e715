// Quantiles of the normal, chi-square, gamma, beta, Student t and F distributions, and the Poisson
// cumulative probability, in plain TypeScript. The confidence limits in methods.md rest on these, and the
// reference (R) computes them to near machine precision, so approximations from tables will not do:
// the normal quantile is Wichura's AS 241, the others invert regularised incomplete gamma and beta
// functions by safeguarded Newton steps until the step is below machine precision.

// biome-ignore-all lint/correctness/noPrecisionLoss: the coefficients are kept digit for digit as published (AS 241, Lanczos), so they can be checked against the source.
const LN_SQRT_2PI = 0.9189385332046727418;
const EPSILON = 2.220446049250313e-16;

// AS 241 (PPND16), Wichura 1988: accurate to about 1e-16.
const A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
  67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const B = [
  1.0, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
  28729.085735721942674, 5226.495278852854561,
];
const C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
  0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const D = [
  1.0, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
  0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const F = [
  1.0, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

function polynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * x + coefficients[i]!;
  return value;
}

/** The standard normal quantile Φ⁻¹(p) (AS 241). */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(A, r)) / polynomial(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = polynomial(C, r) / polynomial(D, r);
  } else {
    r -= 5;
    value = polynomial(E, r) / polynomial(F, r);
  }
  return q < 0 ? -value : value;
}

// Lanczos approximation (g = 7, n = 9): about 1e-15 relative for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

// Loader (2000), as in R's dpois_raw: ln Γ(a+1) − (a+½)ln a + a − ln√(2π), computed without cancellation
// for large a so the gamma density stays accurate when the funnel's counts run to millions.
function stirlingError(a: number): number {
  if (a <= 15) return logGamma(a + 1) - (a + 0.5) * Math.log(a) + a - LN_SQRT_2PI;
  const s0 = 1 / 12;
  const s1 = 1 / 360;
  const s2 = 1 / 1260;
  const s3 = 1 / 1680;
  const s4 = 1 / 1188;
  const aa = a * a;
  if (a > 500) return (s0 - s1 / aa) / a;
  if (a > 80) return (s0 - (s1 - s2 / aa) / aa) / a;
  if (a > 35) return (s0 - (s1 - (s2 - s3 / aa) / aa) / aa) / a;
  return (s0 - (s1 - (s2 - (s3 - s4 / aa) / aa) / aa) / aa) / a;
}

// x·ln(x/m) + m − x, by a series when x is near m.
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = s + term / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/** xᵃ·e⁻ˣ / Γ(a+1): the Poisson probability of a events at mean x, extended to real a. */
function poissonTerm(a: number, x: number): number {
  if (x === 0) return a === 0 ? 1 : 0;
  if (a === 0) return Math.exp(-x);
  return Math.exp(-stirlingError(a) - deviance(a, x)) / Math.sqrt(2 * Math.PI * a);
}

/** Regularised lower and upper incomplete gamma functions P(a, x) and Q(a, x). */
export function incompleteGamma(a: number, x: number): { lower: number; upper: number } {
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x < a + 1) {
    // Series: P = xᵃe⁻ˣ/Γ(a+1) · Σ xⁿ / ((a+1)…(a+n)).
    let term = 1;
    let sum = 1;
    for (let n = 1; n < 100000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * EPSILON) break;
    }
    const lower = Math.min(1, poissonTerm(a, x) * sum);
    return { lower, upper: 1 - lower };
  }
  // Continued fraction for Q (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  const upper = Math.min(1, poissonTerm(a, x) * a * h);
  return { lower: 1 - upper, upper };
}

/** Finds x in (lo, hi) with f(x) = 0 for an increasing f, by Newton steps kept inside a shrinking bracket. */
function solveIncreasing(f: (x: number) => { value: number; slope: number }, start: number, lo: number, hi: number) {
  let x = start;
  let low = lo;
  let high = hi;
  for (let i = 0; i < 500; i++) {
    const { value, slope } = f(x);
    if (value === 0) return x;
    if (value < 0) low = x;
    else high = x;
    let next = slope > 0 && Number.isFinite(slope) ? x - value / slope : Number.NaN;
    if (!(next > low && next < high)) next = Number.isFinite(high) ? (low + high) / 2 : Math.max(2 * x, 1);
    if (Math.abs(next - x) <= 4 * EPSILON * Math.abs(next) || high - low <= 4 * EPSILON * Math.abs(x)) return next;
    x = next;
  }
  return x;
}

/** The gamma(shape a, scale 1) quantile: the x with P(a, x) = p. */
export function gammaQuantile(p: number, a: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(a > 0)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  // Wilson–Hilferty start on the chi-square scale (ν = 2a).
  const nu = 2 * a;
  const z = normalQuantile(p);
  const wh = (nu * (1 - 2 / (9 * nu) + z * Math.sqrt(2 / (9 * nu))) ** 3) / 2;
  const smallP = Math.exp((Math.log(p) + logGamma(a + 1)) / a);
  const start = wh > 0.1 * a ? wh : Math.min(smallP, Math.max(wh, smallP));
  // Work on whichever tail keeps the target probability away from 1, so nothing is lost to cancellation.
  const lowerTail = p <= 0.5;
  const target = lowerTail ? p : 1 - p;
  return solveIncreasing(
    (x) => {
      const { lower, upper } = incompleteGamma(a, x);
      const density = x > 0 ? (poissonTerm(a, x) * a) / x : 0;
      return { value: lowerTail ? lower - target : target - upper, slope: density };
    },
    start > 0 && Number.isFinite(start) ? start : a,
    0,
    Number.POSITIVE_INFINITY,
  );
}

/** The chi-square quantile χ²_ν(p), lower-tail probability p. ν = 0 is the point mass at 0. */
export function chiSquareQuantile(p: number, degreesOfFreedom: number): number {
  if (degreesOfFreedom === 0) return 0;
  return 2 * gammaQuantile(p, degreesOfFreedom / 2);
}

/** P(X ≤ x) for a chi-square variable with ν degrees of freedom. */
export function chiSquareCdf(x: number, degreesOfFreedom: number): number {
  return incompleteGamma(degreesOfFreedom / 2, x / 2).lower;
}

/** P(X ≤ k) for X ~ Poisson(mean). */
export function poissonCdf(k: number, mean: number): number {
  if (k < 0) return 0;
  return incompleteGamma(Math.floor(k) + 1, mean).upper;
}

function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

// Continued fraction for the incomplete beta function (modified Lentz); converges for x < (a+1)/(a+b+2).
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/** The regularised incomplete beta function Iₓ(a, b) and its complement 1 − Iₓ(a, b). */
export function incompleteBeta(x: number, a: number, b: number): { lower: number; upper: number } {
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x >= 1) return { lower: 1, upper: 0 };
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (front * betaContinuedFraction(x, a, b)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (front * betaContinuedFraction(1 - x, b, a)) / b;
  return { lower: 1 - upper, upper };
}

/** The beta(a, b) quantile: the x with Iₓ(a, b) = p. */
export function betaQuantile(p: number, a: number, b: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(a > 0) || !(b > 0)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const lowerTail = p <= 0.5;
  const target = lowerTail ? p : 1 - p;
  const logB = logBeta(a, b);
  return solveIncreasing(
    (x) => {
      const { lower, upper } = incompleteBeta(x, a, b);
      const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logB);
      return { value: lowerTail ? lower - target : target - upper, slope: density };
    },
    a / (a + b),
    0,
    1,
  );
}

/** The Student t quantile with ν degrees of freedom, lower-tail probability p. */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(degreesOfFreedom > 0)) return Number.NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, degreesOfFreedom);
  if (p === 1) return Number.POSITIVE_INFINITY;
  const nu = degreesOfFreedom;
  // P(|T| > t) = I_{ν/(ν+t²)}(ν/2, ½). Take x = ν/(ν+t²) directly when it is small, and its complement
  // t²/(ν+t²) ~ beta(½, ν/2) otherwise, so that 1 − x is never formed by subtraction.
  const twoSided = 2 * (1 - p);
  const x = betaQuantile(twoSided, nu / 2, 0.5);
  if (x < 0.5) return Math.sqrt((nu * (1 - x)) / x);
  const y = betaQuantile(1 - twoSided, 0.5, nu / 2);
  return Math.sqrt((nu * y) / (1 - y));
}

/** The F quantile with (d1, d2) degrees of freedom, lower-tail probability p. */
export function fQuantile(p: number, d1: number, d2: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(d1 > 0) || !(d2 > 0)) return Number.NaN;
  if (p === 1) return Number.POSITIVE_INFINITY;
  // X = d1·F/(d1·F + d2) ~ beta(d1/2, d2/2); use the complement beta when X is near 1.
  const x = betaQuantile(p, d1 / 2, d2 / 2);
  if (x < 0.5) return (d2 * x) / (d1 * (1 - x));
  const y = betaQuantile(1 - p, d2 / 2, d1 / 2);
  return (d2 * (1 - y)) / (d1 * y);
}
