// Display formatting. Figures arrive unrounded in pounds; rounding happens here, only for display.

const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const penceFormat = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const poundFormat = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** £12,345,678 — whole pounds, for tables where columns are compared. */
export function formatPounds(amount: number): string {
  return poundFormat.format(amount);
}

/** Shown where a figure cannot be computed, e.g. a share of no spend or spend per head of no population. */
export const NOT_AVAILABLE = 'Not available';

/** £123.45 — spend per head, where pence matter. */
export function formatPoundsAndPence(amount: number | null): string {
  return amount === null ? NOT_AVAILABLE : penceFormat.format(amount);
}

/** £1.23bn / £45.6m / £7.8k — for chart axes and headlines. */
export function formatPoundsShort(amount: number): string {
  const sign = amount < 0 ? '−' : '';
  const size = Math.abs(amount);
  if (size >= 1e9) return `${sign}£${(size / 1e9).toFixed(2)}bn`;
  if (size >= 1e6) return `${sign}£${(size / 1e6).toFixed(1)}m`;
  if (size >= 1e3) return `${sign}£${(size / 1e3).toFixed(1)}k`;
  return `${sign}£${size.toFixed(0)}`;
}

export function formatCount(value: number | null): string {
  return value === null ? NOT_AVAILABLE : wholeNumber.format(value);
}

/** A share held as a fraction (0.123) shown as 12.3%. */
export function formatShare(fraction: number | null): string {
  return fraction === null ? NOT_AVAILABLE : `${(fraction * 100).toFixed(1)}%`;
}

/** Yes / No / Unknown for catalogue flags that may not be published for every service. */
export function formatFlag(flag: boolean | null | undefined): 'Yes' | 'No' | 'Unknown' {
  if (flag === null || flag === undefined) return 'Unknown';
  return flag ? 'Yes' : 'No';
}

/** "NHS Kent and Medway Integrated Care Board" → "Kent and Medway", for chart axes with little room. */
export function shortIcbName(name: string): string {
  return name.replace(/^NHS /, '').replace(/ Integrated Care Board$/, '');
}
