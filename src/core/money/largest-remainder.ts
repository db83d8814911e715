// Rounds amounts to whole pence so that they add up to a total exactly: each amount is rounded down and the
// pence still missing go one each to the amounts with the largest fractions (ties to the earlier amount).
// Used wherever a method promises its parts sum to a whole (convergence envelopes, risk-share pools).

/** Amounts within this many pence of a whole penny are treated as that penny, so floating-point noise
 * (99.9999999999 for 100) never moves a penny. */
const SNAP = 1e-6;

/** `amountsPence` must share the sign of `totalPence` and add up to it to within a penny per amount. */
export function roundToWholePence(amountsPence: readonly number[], totalPence: number): number[] {
  if (!Number.isInteger(totalPence)) throw new RangeError(`total ${totalPence} is not whole pence`);
  const sign = totalPence < 0 ? -1 : 1;
  const magnitudes = amountsPence.map((a) => {
    const m = Math.max(0, a * sign);
    const nearest = Math.round(m);
    return Math.abs(m - nearest) < SNAP ? nearest : m;
  });
  const whole = magnitudes.map(Math.floor);
  let missing = totalPence * sign - whole.reduce((s, w) => s + w, 0);
  const byFraction = magnitudes
    .map((m, i) => ({ i, fraction: m - Math.floor(m) }))
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  if (missing < 0 || missing > amountsPence.length) {
    throw new RangeError(`amounts do not add up to the total ${totalPence} (off by ${missing} pence)`);
  }
  for (const { i } of byFraction) {
    if (missing === 0) break;
    whole[i] = (whole[i] ?? 0) + 1;
    missing -= 1;
  }
  return whole.map((w) => w * sign + 0);
}
