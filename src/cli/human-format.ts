// How the CLI's text output writes numbers for a person: money as £12,050.00, shares as percentages, counts
// with thousands separators. JSON and CSV output keep the plain numbers.

/** '£12,050.00' (or '-£3.10') from an amount of pounds, rounded half away from zero to the penny. A decimal
 * string (as the workspace stores totals) is rounded digit by digit, so no amount goes through a float. */
export function poundsText(amount: string | number): string {
  const text = typeof amount === 'number' ? amount.toFixed(2) : amount.trim();
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = ''] = match;
  let pence = BigInt(whole! + fraction.slice(0, 2).padEnd(2, '0'));
  if (fraction.length > 2 && fraction[2]! >= '5') pence += 1n;
  const pounds = (pence / 100n).toString().replace(/\B(?=(\d{3})+$)/g, ',');
  const pennies = (pence % 100n).toString().padStart(2, '0');
  return `${sign === '-' && pence > 0n ? '-' : ''}£${pounds}.${pennies}`;
}

/** '£1,234,567.89' from whole pence, exactly. */
export function penceText(pence: number): string {
  const abs = Math.abs(pence);
  return poundsText(`${pence < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`);
}

/** '23.4%' from a share (0.234). */
export function percentText(share: number, decimals = 1): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(decimals)}%` : 'n/a';
}

/** A ratio such as a coefficient of variation to three significant figures: '0.0412'. */
export function ratioText(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(3))) : 'n/a';
}

/** '1,000,000'. */
export function countText(count: number): string {
  return count.toLocaleString('en-GB');
}
