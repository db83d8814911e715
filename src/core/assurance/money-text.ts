// Contract values arrive as text or numbers from forms and files; a contract register must hold exact
// pounds and pence, so anything that is not an amount of money is refused rather than rounded.
import { fail } from '../errors.ts';

const MONEY = /^-?\d{1,15}(\.\d{1,2})?$/;

/** Pounds as a number with at most two decimal places (commas and a leading £ allowed in text), or
 * FP_CONTRACT_BAD_MONEY naming the parameter. Negative amounts are refused unless `allowNegative`. */
export function parseMoney(value: unknown, parameter: string, allowNegative = false): number {
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value : '';
  const cleaned = text.trim().replace(/^£/, '').replaceAll(',', '');
  if (!MONEY.test(cleaned) || (!allowNegative && cleaned.startsWith('-'))) {
    fail('FP_CONTRACT_BAD_MONEY', `${JSON.stringify(value)} is not an amount of money.`, {
      where: { parameter },
      received: typeof value === 'string' ? value : JSON.stringify(value),
      accepted: `pounds with at most two decimal places, e.g. 1250000 or "£1,250,000.50"${allowNegative ? '' : ', not negative'}`,
    });
  }
  return Number(cleaned);
}
