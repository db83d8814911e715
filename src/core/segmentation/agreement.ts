// Agreement between assessors on one factor (methods.md, "Agreement between assessors"): the share of
// services on which every assessor agrees, Fleiss' kappa over all assessors, and Cohen's weighted kappa for
// a pair. Ratings are category indexes 0..k−1 (a score of 1 is category 0).

export interface FleissKappa {
  /** null when every rating fell in one category (P̄ₑ = 1) or there are no services. */
  kappa: number | null;
  /** P̄: the mean share of agreeing assessor pairs per service. */
  meanPairwiseAgreement: number | null;
  expectedAgreement: number | null;
  services: number;
}

/** Fleiss (1971). `counts[i][j]` = assessors placing service i in category j; every row sums to the same n ≥ 2. */
export function fleissKappa(counts: readonly (readonly number[])[]): FleissKappa {
  const services = counts.length;
  if (services === 0) return { kappa: null, meanPairwiseAgreement: null, expectedAgreement: null, services };
  const raters = counts[0]!.reduce((a, b) => a + b, 0);
  const categories = counts[0]!.length;
  const totals = new Array<number>(categories).fill(0);
  let sumP = 0;
  for (const row of counts) {
    let squares = 0;
    row.forEach((n, j) => {
      totals[j]! += n;
      squares += n * n;
    });
    sumP += (squares - raters) / (raters * (raters - 1));
  }
  const meanP = sumP / services;
  const expected = totals.reduce((sum, t) => sum + (t / (services * raters)) ** 2, 0);
  const kappa = expected >= 1 - 1e-12 ? null : (meanP - expected) / (1 - expected);
  return { kappa, meanPairwiseAgreement: meanP, expectedAgreement: expected, services };
}

/** Cohen's kappa with linear agreement weights 1 − |i − j|/(k − 1) over k categories; with k = 2 it is Cohen's
 * unweighted kappa. `pairs` are the two assessors' categories for each service both rated. null when Pₑ = 1. */
export function weightedKappa(pairs: readonly (readonly [number, number])[], categories: number): number | null {
  const n = pairs.length;
  if (n === 0 || categories < 2) return null;
  const weight = (i: number, j: number) => 1 - Math.abs(i - j) / (categories - 1);
  const rows = new Array<number>(categories).fill(0);
  const cols = new Array<number>(categories).fill(0);
  let observed = 0;
  for (const [a, b] of pairs) {
    rows[a]! += 1 / n;
    cols[b]! += 1 / n;
    observed += weight(a, b) / n;
  }
  let expected = 0;
  for (let i = 0; i < categories; i++) {
    for (let j = 0; j < categories; j++) expected += weight(i, j) * rows[i]! * cols[j]!;
  }
  return expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
}

/** The share of services on which every assessor gave the same rating; null with no services. */
export function percentageAgreement(ratingsPerService: readonly (readonly number[])[]): number | null {
  if (ratingsPerService.length === 0) return null;
  const agreed = ratingsPerService.filter((r) => r.every((x) => x === r[0])).length;
  return agreed / ratingsPerService.length;
}

/** Per-service category counts for Fleiss' kappa from each service's ratings. */
export function categoryCounts(ratingsPerService: readonly (readonly number[])[], categories: number): number[][] {
  return ratingsPerService.map((ratings) => {
    const row = new Array<number>(categories).fill(0);
    for (const r of ratings) row[r]! += 1;
    return row;
  });
}
