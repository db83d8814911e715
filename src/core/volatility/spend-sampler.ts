// One simulated year's spend S = C₁ + … + C_N, N ~ Poisson(λ). Summing every cost is exact but costs λ
// draws a year, and footprints run to hundreds of thousands of patients. A single gamma with S's mean and
// variance is cheap but wrong for skewed costs: a lognormal with CV 1.5 has skewness 7.9, a gamma 3, and the
// difference moves miss probabilities by several standard errors (issue 15). So the costs are split at a
// high quantile (methods.md, "Large years"): the few costs above it — where the skew lives — are drawn one
// by one from the tail itself, exactly; the many below it are bounded, so their sum given its count is close
// to normal and is drawn as a gamma matching its first three cumulants. The split point is the lowest one at
// which the body's remaining error (its fourth cumulant, beyond what the gamma carries) is negligible;
// where no split point qualifies the year is summed exactly.
import type { SeededRandom } from '../generate/seeded-random.ts';
import { incompleteGamma, normalQuantile } from '../stats/distributions.ts';
import { type CostModel, costMoments } from './cost-model.ts';
import { drawGamma, drawPoisson, drawStandardNormal, type PoissonSampler, poissonSampler } from './random-draws.ts';

/** Up to this many expected patients every year is summed exactly: cheap, and below it counts are too few
 * for any approximation of the body to be safe. */
export const EXACT_PATIENTS_LIMIT = 64;

/** The largest excess-kurtosis error left in the body's sum (|κ₄/κ₂² of the sum − what the gamma has|).
 * Its effect on a tail probability is about this / 24 × He₃(z)φ(z) ≤ 0.023 × this, so 0.02 moves a miss
 * probability by under 0.0005 — a tenth of the standard error of 10,000 simulated years. */
export const BODY_KURTOSIS_TOLERANCE = 0.02;

/** Expected tail draws a year tried in turn, smallest first: the cost of a year grows with this. */
const TAIL_RATES = [0, 0.25, 0.5, 1, 2, 4, 8, 16, 32] as const;

/** Draws one year's spend from a seeded stream. */
export interface SpendSampler {
  /** 'exact' sums every cost; 'split' draws the tail exactly and the body as one gamma. */
  method: 'exact' | 'split';
  /** Expected tail costs drawn one by one a year (λ for exact). */
  tailRate: number;
  draw(random: SeededRandom): number;
}

/** Φ(z), the standard normal CDF, from the regularised incomplete gamma: Φ(−x) = Q(½, x²/2) / 2. */
function normalCdf(z: number): number {
  const half = 0.5 * incompleteGamma(0.5, (z * z) / 2).upper;
  return z < 0 ? half : 1 - half;
}

/** Per-cost mean and central cumulants κ₂, κ₃, κ₄ of the costs at or below a split point. */
interface BodyCumulants {
  mean: number;
  variance: number;
  third: number;
  fourth: number;
}

/** Cumulants from the first four raw moments (fine where the variance is not tiny beside the mean²). */
function cumulantsFromRaw([m1, m2, m3, m4]: readonly number[]): BodyCumulants {
  const variance = Math.max(0, m2! - m1! * m1!);
  const third = m3! - 3 * m1! * m2! + 2 * m1! ** 3;
  const fourth = m4! - 4 * m1! * m3! + 6 * m1! * m1! * m2! - 3 * m1! ** 4 - 3 * variance * variance;
  return { mean: m1!, variance, third, fourth };
}

/** How one cost model is split: its body's moments at a tail share, and a draw from its tail. */
interface CostSplit {
  body(tailShare: number): BodyCumulants;
  /** A cost from the part above the split at this tail share. */
  tailDraw(tailShare: number): (random: SeededRandom) => number;
  drawOne(random: SeededRandom): number;
  /** The tail shares this model can split at (resampling splits only between observed costs). */
  tailShare(rate: number, lambda: number): number;
}

function lognormalSplit(mean: number, cv: number): CostSplit {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  return {
    // Unsplit, the lognormal's own cumulants (skewness 3v + v³, excess kurtosis v⁸ + 6v⁶ + 15v⁴ + 16v²),
    // so a tiny CV loses nothing to cancellation. Split, E[Cʳ | C ≤ t] = exp(rμ + r²σ²/2)·Φ(z_t − rσ)/Φ(z_t)
    // with z_t = (ln t − μ)/σ; a split is only wanted for CVs large enough that the raw moments are safe.
    body(tailShare) {
      if (tailShare === 0) {
        const sd = mean * cv;
        const v2 = cv * cv;
        const excess = v2 ** 4 + 6 * v2 ** 3 + 15 * v2 * v2 + 16 * v2;
        return { mean, variance: sd * sd, third: (3 * cv + cv ** 3) * sd ** 3, fourth: excess * sd ** 4 };
      }
      const zt = -normalQuantile(tailShare);
      const below = 1 - tailShare;
      return cumulantsFromRaw(
        [1, 2, 3, 4].map((r) => (Math.exp(r * mu + (r * r * sigma * sigma) / 2) * normalCdf(zt - r * sigma)) / below),
      );
    },
    // Above the split Φ(z) is uniform on (1 − q, 1), so z = −Φ⁻¹(q·u) with u uniform on (0, 1].
    tailDraw(tailShare) {
      return (random) => Math.exp(mu - sigma * normalQuantile(tailShare * (1 - random.next())));
    },
    drawOne(random) {
      return Math.exp(mu + sigma * drawStandardNormal(random));
    },
    tailShare(rate, lambda) {
      return rate / lambda;
    },
  };
}

function resampleSplit(costs: Float64Array): CostSplit {
  const sorted = Float64Array.from(costs).sort();
  const n = sorted.length;
  // The number of observed costs in the tail for a share: whole costs only, so the split is exact.
  const tailCount = (share: number) => Math.round(share * n);
  return {
    // Central moments about the body's own mean (two passes), exact for any spread of costs.
    body(tailShare) {
      const kept = n - tailCount(tailShare);
      let sum = 0;
      for (let i = 0; i < kept; i++) sum += sorted[i]!;
      const m = sum / kept;
      let c2 = 0;
      let c3 = 0;
      let c4 = 0;
      for (let i = 0; i < kept; i++) {
        const d = sorted[i]! - m;
        c2 += d * d;
        c3 += d * d * d;
        c4 += d * d * d * d;
      }
      const variance = c2 / kept;
      return { mean: m, variance, third: c3 / kept, fourth: c4 / kept - 3 * variance * variance };
    },
    tailDraw(tailShare) {
      const count = tailCount(tailShare);
      return (random) => sorted[n - 1 - Math.floor(random.next() * count)]!;
    },
    drawOne(random) {
      return costs[Math.floor(random.next() * n)]!;
    },
    tailShare(rate, lambda) {
      return tailCount(rate / lambda) / n;
    },
  };
}

function costSplit(cost: CostModel): CostSplit {
  return cost.kind === 'lognormal' ? lognormalSplit(cost.mean, cost.cv) : resampleSplit(cost.costs);
}

/** Every patient's cost drawn and added: the model itself, the yardstick for the split. */
export function exactSpendSampler(lambda: number, cost: CostModel): SpendSampler {
  return exactSampler(lambda, costSplit(cost));
}

function exactSampler(lambda: number, split: CostSplit): SpendSampler {
  const counts = poissonSampler(lambda);
  return {
    method: 'exact',
    tailRate: lambda,
    draw(random) {
      const patients = drawPoisson(random, counts);
      let spend = 0;
      for (let i = 0; i < patients; i++) spend += split.drawOne(random);
      return spend;
    },
  };
}

/** A count of body costs, drawn exactly, and their sum as a gamma with the sum's mean, variance and third
 * cumulant (n times the per-cost ones), reflected when the body is left-skewed. */
function bodySum(counts: PoissonSampler, cumulants: BodyCumulants) {
  const { mean, variance, third } = cumulants;
  // θ = κ₃/(2κ₂) per cost; shape k = 4n/γ² = n·4κ₂³/κ₃², the same per-cost factor times n.
  const scale = Math.abs(third) / (2 * variance);
  const shapePerCost = scale > 0 ? variance / (scale * scale) : Number.POSITIVE_INFINITY;
  const sign = third < 0 ? -1 : 1;
  return (random: SeededRandom) => {
    const n = drawPoisson(random, counts);
    if (n === 0) return 0;
    const shape = n * shapePerCost;
    // A shape past 10¹² is a normal to double precision, and Marsaglia–Tsang would lose digits there.
    if (!(shape < 1e12)) return n * mean + Math.sqrt(n * variance) * drawStandardNormal(random);
    return n * mean + sign * (drawGamma(random, shape, scale) - shape * scale);
  };
}

/** The sampler for one λ and cost model: exact for small λ, else the cheapest split that is safe. */
export function spendSampler(lambda: number, cost: CostModel): SpendSampler {
  const moments = costMoments(cost);
  // Equal costs (to double precision): S = N·μ exactly.
  if (moments.variance <= 1e-12 * moments.mean * moments.mean) {
    const counts = poissonSampler(lambda);
    return { method: 'exact', tailRate: 0, draw: (random) => drawPoisson(random, counts) * moments.mean };
  }
  const split = costSplit(cost);
  if (lambda <= EXACT_PATIENTS_LIMIT) return exactSampler(lambda, split);
  for (const rate of TAIL_RATES) {
    const tailShare = split.tailShare(rate, lambda);
    const tailRate = tailShare * lambda;
    const bodyRate = lambda - tailRate;
    if (bodyRate < EXACT_PATIENTS_LIMIT) break;
    const cumulants = split.body(tailShare);
    if (!(cumulants.variance > 0)) continue;
    const kurtosis = cumulants.fourth / cumulants.variance ** 2;
    const skewSquared = cumulants.third ** 2 / cumulants.variance ** 3;
    // Per cost the gamma carries excess kurtosis 1.5γ²; for a sum of n costs both scale as 1/n.
    if (Math.abs(kurtosis - 1.5 * skewSquared) / bodyRate > BODY_KURTOSIS_TOLERANCE) continue;
    const drawBody = bodySum(poissonSampler(bodyRate), cumulants);
    if (tailRate === 0) return { method: 'split', tailRate: 0, draw: drawBody };
    const tailCounts = poissonSampler(tailRate);
    const drawTail = split.tailDraw(tailShare);
    return {
      method: 'split',
      tailRate,
      draw(random) {
        let spend = drawBody(random);
        const tail = drawPoisson(random, tailCounts);
        for (let i = 0; i < tail; i++) spend += drawTail(random);
        return spend;
      },
    };
  }
  return exactSampler(lambda, split);
}
