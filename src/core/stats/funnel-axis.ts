// The 100 x-axis points along which a funnel's limits are drawn (methods.md §8.4). They must match the
// reference point for point, so the rounding follows R: "neat" axis ends from the leading digits, and
// round-half-to-even between points.

/** Points in a funnel-limit table. */
export const FUNNEL_POINTS = 100;

/** Decimal digits of a whole number ≥ 0 (0 has one). The reference counts the characters R prints, which
 * differs only for round numbers R writes in scientific form (1e+05); true digits are intended. */
function digits(whole: number): number {
  return String(Math.trunc(whole)).length;
}

/** Rounds 95% of v down to its leading digit: 0.95 × 31,824 = 30,232.8 → 30,000. */
export function neatFloor(v: number): number {
  if (v === 0) return 0;
  const y = 0.95 * v;
  const scale = 10 ** (digits(Math.floor(y)) - 1);
  return Math.floor(y / scale) * scale;
}

/** Rounds 105% of v up to its two leading digits: 1.05 × 104,613 = 109,843.65 → 110,000. */
export function neatCeiling(v: number): number {
  if (v === 0) return 0;
  const y = 1.05 * v;
  const scale = 10 ** (digits(Math.ceil(y)) - 2);
  return Math.ceil(y / scale) * scale;
}

/** Round half to even, as R's round(); Math.round rounds halves up and would shift whole funnels. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** The axis ends from the smallest and largest denominators: from 0 when they differ more than twofold. */
export function funnelAxisEnds(minimum: number, maximum: number): { minimum: number; maximum: number } {
  return { minimum: maximum > 2 * minimum ? 0 : neatFloor(minimum), maximum: neatCeiling(maximum) };
}

/** 100 whole-number points from max(1, minimum) towards maximum, geometrically spaced so they crowd where
 * the funnel is widest, each at least one above the last. `offset` is 0 for proportions and rates and 1
 * for ratios, as in the reference. */
export function funnelAxisPoints(minimum: number, maximum: number, offset: 0 | 1): number[] {
  const points = [Math.max(1, minimum)];
  for (let j = 2; j <= FUNNEL_POINTS; j++) {
    const previous = points[j - 2]!;
    const step = (maximum / previous) ** (1 / (101 - (j - offset))) * previous;
    points.push(Math.max(roundHalfEven(step), previous + 1));
  }
  return points;
}
