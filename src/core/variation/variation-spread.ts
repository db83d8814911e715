// How widely ICBs' standardised rates spread, so a commissioner can see whether variation is narrowing
// year on year: the coefficient of variation (sample standard deviation ÷ mean) and the quartiles and
// interquartile range (R's default quantile, type 7: linear between order statistics).

export interface VariationSpread {
  /** Rates the spread is measured over. */
  units: number;
  mean: number | null;
  sd: number | null;
  /** sd ÷ mean; null with fewer than two rates or a mean of 0. */
  cv: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  iqr: number | null;
}

/** The p-quantile of sorted values, type 7: h = (n − 1)p, interpolated between the neighbours of h. */
export function quantileType7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const low = sorted[below]!;
  const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return low + (h - below) * (high - low);
}

export function measureSpread(rates: readonly number[]): VariationSpread {
  const sorted = rates.filter((r) => Number.isFinite(r)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { units: 0, mean: null, sd: null, cv: null, q1: null, median: null, q3: null, iqr: null };
  const mean = sorted.reduce((total, r) => total + r, 0) / n;
  const sd = n > 1 ? Math.sqrt(sorted.reduce((total, r) => total + (r - mean) ** 2, 0) / (n - 1)) : null;
  const q1 = quantileType7(sorted, 0.25);
  const q3 = quantileType7(sorted, 0.75);
  return {
    units: n,
    mean,
    sd,
    cv: sd !== null && mean !== 0 ? sd / mean : null,
    q1,
    median: quantileType7(sorted, 0.5),
    q3,
    iqr: q3 - q1,
  };
}
