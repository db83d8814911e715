// Signing in through the API itself (no shortcuts into the session table), for tests.
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../../../../src/server/auth/guard.ts';
import { TEST_PASSWORD, type TestUser, USERS } from './api-workspace.ts';

export interface SignedInClient {
  /** Headers for a read: the session cookie. */
  read: Record<string, string>;
  /** Headers for a change: the cookie and the CSRF token. */
  change: Record<string, string>;
  csrfToken: string;
  cookie: string;
}

export async function signIn(app: FastifyInstance, who: TestUser): Promise<SignedInClient> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email: USERS[who].email, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${who} failed: ${response.body}`);
  const session = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!session) throw new Error('no session cookie');
  const cookie = `${SESSION_COOKIE}=${session.value}`;
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  return { read: { cookie }, change: { cookie, 'x-csrf-token': csrfToken }, csrfToken, cookie };
}
