// The one gate every protected route passes, run before the body is read: a valid session (else 401), the
// role the route needs (else 403) and, for state-changing routes, the CSRF token given at sign-in echoed
// in the x-csrf-token header (else 403). A session cookie alone never changes anything, so a page on
// another site cannot act for a signed-in user even if SameSite were bypassed.
import { timingSafeEqual } from 'node:crypto';
import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fail } from '../../core/errors.ts';
import type { AuditActor } from '../../data/audit/record-audit.ts';
import { hasRole, type Role } from '../../data/users/roles.ts';
import { findSession } from '../../data/users/session-store.ts';
import { findUser, type User } from '../../data/users/user-store.ts';
import type { RouteContext } from '../routes/route-context.ts';
import type { SignedIn } from './session-cache.ts';

export const SESSION_COOKIE = 'fp_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    signedIn?: SignedIn;
  }
}

export interface GuardOptions {
  /** The least role the route needs; default viewer (any signed-in user). */
  role?: Role;
  /** Whether the route changes something and so needs the CSRF header. */
  changes?: boolean;
  /** Whether the route serves a user who must first set a new password (who am I, sign out, set it). */
  whilePasswordDue?: boolean;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The signed-in user of a request, or undefined. */
export async function readSession(context: RouteContext, request: FastifyRequest): Promise<SignedIn | undefined> {
  const id = request.cookies[SESSION_COOKIE];
  if (!id || id.length > 100) return undefined;
  const remembered = context.sessions.get(id);
  if (remembered) return remembered;
  const session = await findSession(context.ws, id);
  if (!session) return undefined;
  const user = await findUser(context.ws, session.email);
  if (!user) return undefined;
  const signedIn = { user, sessionId: id, csrfToken: session.csrfToken };
  context.sessions.set(id, signedIn, Date.parse(`${session.expiresAt.replace(' ', 'T')}Z`));
  return signedIn;
}

export function guard(context: RouteContext, options: GuardOptions = {}) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const signedIn = await readSession(context, request);
    if (!signedIn) {
      fail('FP_AUTH_NOT_SIGNED_IN', 'Sign in first: this request has no valid session (none, expired or signed out).', {
        where: { parameter: `cookie ${SESSION_COOKIE}` },
      });
    }
    request.signedIn = signedIn;
    if (signedIn.user.mustChangePassword && !options.whilePasswordDue) {
      fail('FP_AUTH_PASSWORD_CHANGE_DUE', 'Set a new password of your own before using Footprint.', {
        where: { parameter: 'password' },
        hint: 'PUT /api/session/password with your current password and a new one.',
      });
    }
    if (options.role && !hasRole(signedIn.user.role, options.role)) {
      fail('FP_AUTH_FORBIDDEN', `This needs the ${options.role} role; you are a ${signedIn.user.role}.`, {
        where: { parameter: 'role' },
        received: signedIn.user.role,
        accepted: options.role === 'admin' ? 'admin' : `${options.role} or above`,
      });
    }
    if (options.changes) {
      const given = request.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !sameToken(given, signedIn.csrfToken)) {
        fail('FP_AUTH_CSRF', `The ${CSRF_HEADER} header is missing or does not match this session.`, {
          where: { parameter: `header ${CSRF_HEADER}` },
          hint: 'Send the csrfToken returned by POST /api/session or GET /api/session.',
        });
      }
    }
  };
}

/** The signed-in user of a request as the audit trail records them, with the client's address (the
 * proxy's client when the app trusts its proxy). */
export function auditActorOf(request: FastifyRequest): AuditActor {
  const user = signedInUser(request);
  return { actor: user.email, organisation: user.organisation.code, source: request.ip };
}

/** The signed-in user of a request that passed guard(). */
export function signedInUser(request: FastifyRequest): User {
  if (!request.signedIn) fail('FP_AUTH_NOT_SIGNED_IN', 'Sign in first.');
  return request.signedIn.user;
}
