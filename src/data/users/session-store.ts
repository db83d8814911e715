// Sessions: a random 256-bit id given to the browser once (in a cookie) and stored only as its SHA-256,
// with a CSRF token the browser must echo on every state-changing request, and an expiry.
import { createHash, randomBytes } from 'node:crypto';
import type { Workspace } from '../workspace.ts';

export interface NewSession {
  /** The id to put in the cookie; never stored. */
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface StoredSession {
  email: string;
  csrfToken: string;
  expiresAt: string;
}

const hashId = (id: string) => createHash('sha256').update(id).digest('hex');
// The columns are TIMESTAMP (no zone) holding UTC; DuckDB will not cast a 'Z' suffix to it.
const utc = (d: Date) => d.toISOString().slice(0, 23).replace('T', ' ');

export async function createSession(
  ws: Workspace,
  email: string,
  ttlMs: number,
  now = new Date(),
): Promise<NewSession> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await ws.run('INSERT INTO app_session VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP), CAST($5 AS TIMESTAMP))', [
    hashId(id),
    email,
    csrfToken,
    utc(now),
    utc(expiresAt),
  ]);
  return { id, csrfToken, expiresAt };
}

/** The live session with this id, or undefined when it is unknown or expired (expired ones are deleted). */
export async function findSession(ws: Workspace, id: string, now = new Date()): Promise<StoredSession | undefined> {
  const row = await ws.one<StoredSession & { expired: boolean }>(
    `SELECT email, csrf_token AS "csrfToken", CAST(expires_at AS VARCHAR) AS "expiresAt",
            expires_at <= CAST($2 AS TIMESTAMP) AS expired
       FROM app_session WHERE id_hash = $1`,
    [hashId(id), utc(now)],
  );
  if (!row) return undefined;
  if (row.expired) {
    await deleteSession(ws, id);
    return undefined;
  }
  return { email: row.email, csrfToken: row.csrfToken, expiresAt: row.expiresAt };
}

export async function deleteSession(ws: Workspace, id: string): Promise<void> {
  await ws.run('DELETE FROM app_session WHERE id_hash = $1', [hashId(id)]);
}
