// Sessions checked in the last few seconds, so a page's burst of requests does not each queue two
// lookups on the workspace connection. An entry never outlives its session's expiry, and any change
// (sign-out, a user removed) clears them all.
import type { User } from '../../data/users/user-store.ts';

/** Who a request is signed in as: the user, the session and its CSRF token. */
export interface SignedIn {
  user: User;
  sessionId: string;
  csrfToken: string;
}

const FRESH_MS = 10_000;

interface Entry {
  signedIn: SignedIn;
  expiresAtMs: number;
  checkedAtMs: number;
}

export class SessionCache {
  readonly #entries = new Map<string, Entry>();

  get(id: string, now = Date.now()): SignedIn | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (now >= entry.expiresAtMs || now - entry.checkedAtMs > FRESH_MS) {
      this.#entries.delete(id);
      return undefined;
    }
    return entry.signedIn;
  }

  set(id: string, signedIn: SignedIn, expiresAtMs: number, now = Date.now()): void {
    if (this.#entries.size > 10_000) this.#entries.clear();
    this.#entries.set(id, { signedIn, expiresAtMs, checkedAtMs: now });
  }

  clear(): void {
    this.#entries.clear();
  }
}
