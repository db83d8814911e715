// Draws from the few distributions the synthetic generator needs.
import type { SeededRandom } from './seeded-random.ts';

/** A standard normal draw (Box–Muller; the second value is discarded to keep the stream simple). */
export function standardNormal(random: SeededRandom): number {
  const u = 1 - random.next(); // (0, 1], so the log is finite
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A lognormal multiplier with mean exactly 1 and log-scale standard deviation `sigma`. */
export function lognormalMeanOne(random: SeededRandom, sigma: number): number {
  return Math.exp(sigma * standardNormal(random) - (sigma * sigma) / 2);
}

/** A Poisson draw with mean `lambda`: Knuth's product method below 30, a rounded normal above
 * (the generator only needs the count's mean and rough spread, and this keeps each draw O(1)). */
export function poisson(random: SeededRandom, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = random.next();
    while (p > limit) {
      k++;
      p *= random.next();
    }
    return k;
  }
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * standardNormal(random)));
}
