// Failed sign-ins, counted per account (the email as typed, known or not) and per client address over a
// sliding window. Only failures count, so a user who signs in correctly is never refused for having
// signed in often; once either count reaches its limit, every attempt for that account or from that
// address is refused until the oldest failure lapses, the right password included, so guessing gains
// nothing. Unknown emails are counted exactly like known ones: the answers never tell them apart.
import { fail } from '../../core/errors.ts';

export interface SignInLimits {
  /** Failures allowed from one address per window. */
  max: number;
  /** Failures allowed for one account per window; default `max`. */
  maxPerAccount?: number;
  timeWindowMs: number;
}

export class SignInThrottle {
  readonly #limits: Required<SignInLimits>;
  readonly #failures = new Map<string, number[]>();

  constructor(limits: SignInLimits) {
    this.#limits = { maxPerAccount: limits.max, ...limits };
  }

  /** Refuses (429 FP_HTTP_RATE_LIMITED with Retry-After) when the account or the address has failed too often. */
  check(email: string, address: string, now = Date.now()): void {
    const wait = Math.max(
      this.#wait(accountKey(email), this.#limits.maxPerAccount, now),
      this.#wait(addressKey(address), this.#limits.max, now),
    );
    if (wait > 0) {
      fail(
        'FP_HTTP_RATE_LIMITED',
        'Too many failed sign-ins for this account or from this address; wait and try again.',
        {
          where: { parameter: 'body' },
          retryAfterSeconds: Math.ceil(wait / 1000),
        },
      );
    }
  }

  failed(email: string, address: string, now = Date.now()): void {
    if (this.#failures.size > 50_000) this.#failures.clear();
    for (const key of [accountKey(email), addressKey(address)]) {
      this.#failures.set(key, [...this.#recent(key, now), now]);
    }
  }

  /** A correct sign-in clears the account's failures (not the address's: one's own account cannot be used
   * to reset the count for guesses at others). */
  succeeded(email: string): void {
    this.#failures.delete(accountKey(email));
  }

  #recent(key: string, now: number): number[] {
    return (this.#failures.get(key) ?? []).filter((at) => now - at < this.#limits.timeWindowMs);
  }

  /** Milliseconds until this key may try again; 0 when it may now. */
  #wait(key: string, max: number, now: number): number {
    const recent = this.#recent(key, now);
    if (recent.length < max) return 0;
    return recent[recent.length - max]! + this.#limits.timeWindowMs - now;
  }
}

const accountKey = (email: string) => `account ${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address ${address}`;
