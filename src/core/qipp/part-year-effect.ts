// The part-year effect of a QIPP tranche and a scheme's cumulative effect in a plan year
// (docs/methods.md, "QIPP savings and the part-year effect").

/** A tranche's saving in its first year: rate × (13 − startMonth) ÷ 12, startMonth 1 = April … 12 = March. */
export function partYearEffect(rate: number, startMonth: number): number {
  return rate * ((13 - startMonth) / 12);
}

/** A scheme's effect in plan year `planYear` (1-based): every earlier tranche at its full rate plus this
 * year's tranche at its part-year effect. */
export function cumulativeEffect(rates: readonly number[], startMonths: readonly number[], planYear: number): number {
  let effect = 0;
  for (let t = 0; t < planYear - 1; t++) effect += rates[t] ?? 0;
  return effect + partYearEffect(rates[planYear - 1] ?? 0, startMonths[planYear - 1] ?? 1);
}
