// Sign-in, who am I, sign-out. Failed sign-ins are throttled per account and per address; a wrong email and
// a wrong password get the same answer after the same work, so neither reveals which users exist. Every
// sign-in, failed sign-in and sign-out is audited with the client's address. The cookie is Secure whenever
// the request came over TLS (directly, or to a proxy the app is told to trust).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../core/errors.ts';
import { sessionAnswer, type UserSummary, userSummary } from '../../core/users/user-shapes.ts';
import { recordAudit } from '../../data/audit/record-audit.ts';
import { decoyHash, verifyPassword } from '../../data/users/password-hash.ts';
import { createSession, deleteSession } from '../../data/users/session-store.ts';
import { findUserForSignIn, MAX_PASSWORD_LENGTH, setOwnPassword, type User } from '../../data/users/user-store.ts';
import { auditActorOf, guard, SESSION_COOKIE } from '../auth/guard.ts';
import { SignInThrottle } from '../auth/sign-in-throttle.ts';
import { errorBody, noContent } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

/** The user as the API gives them (core/users/user-shapes.ts). */
export const sessionUser = userSummary;

export function describeUser(user: User): UserSummary {
  const { code, name, type } = user.organisation;
  return {
    email: user.email,
    organisation: { code, name, type },
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
}

export const sessionRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, options } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const throttle = new SignInThrottle(options.signInRateLimit);
  r.post(
    '/session',
    {
      schema: {
        summary: 'Sign in with email and password; sets an HTTP-only session cookie',
        tags: ['session'],
        body: z.object({
          email: z.string().min(1).max(254),
          password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
        }),
        response: { 200: sessionAnswer, 400: errorBody, 401: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const typed = request.body.email.trim().toLowerCase();
      throttle.check(typed, request.ip);
      const found = await findUserForSignIn(ws, request.body.email);
      const matches = await verifyPassword(request.body.password, found?.passwordHash ?? (await decoyHash()));
      if (!found || !matches) {
        throttle.failed(typed, request.ip);
        await ws.transaction(() =>
          recordAudit(ws, {
            actor: typed,
            // An unknown email belongs to no organisation: only national sees those attempts.
            organisation: found?.user.organisation.code ?? 'unknown',
            objectType: 'session',
            objectId: typed,
            action: 'sign-in-failed',
            before: null,
            after: null,
            source: request.ip,
          }),
        );
        fail('FP_AUTH_BAD_CREDENTIALS', 'The email address or password is wrong.', { where: { parameter: 'body' } });
      }
      throttle.succeeded(typed);
      const { user } = found;
      const session = await ws.transaction(async () => {
        const made = await createSession(ws, user.email, options.sessionTtlMs);
        await recordAudit(ws, {
          actor: user.email,
          organisation: user.organisation.code,
          objectType: 'session',
          objectId: user.email,
          action: 'sign-in',
          before: null,
          after: { expiresAt: made.expiresAt.toISOString() },
          source: request.ip,
        });
        return made;
      });
      reply.setCookie(SESSION_COOKIE, session.id, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        expires: session.expiresAt,
      });
      return { user: describeUser(user), csrfToken: session.csrfToken };
    },
  );
  r.get(
    '/session',
    {
      onRequest: guard(context, { whilePasswordDue: true }),
      schema: {
        summary: 'The signed-in user and the CSRF token to send on changes',
        tags: ['session'],
        response: { 200: sessionAnswer, 401: errorBody },
      },
    },
    async (request) => ({ user: describeUser(request.signedIn!.user), csrfToken: request.signedIn!.csrfToken }),
  );
  r.delete(
    '/session',
    {
      onRequest: guard(context, { changes: true, whilePasswordDue: true }),
      schema: {
        summary: 'Sign out: ends the session',
        tags: ['session'],
        response: { 204: noContent, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const { user, sessionId } = request.signedIn!;
      await ws.transaction(async () => {
        await deleteSession(ws, sessionId);
        await recordAudit(ws, {
          ...auditActorOf(request),
          objectType: 'session',
          objectId: user.email,
          action: 'sign-out',
          before: null,
          after: null,
        });
      });
      context.sessions.clear();
      reply.clearCookie(SESSION_COOKIE, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
      });
      return reply.code(204).send(null);
    },
  );
  r.put(
    '/session/password',
    {
      onRequest: guard(context, { changes: true, whilePasswordDue: true }),
      schema: {
        summary: 'Set your own password (required at the first sign-in and after a reset)',
        tags: ['session'],
        body: z.object({
          currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
          newPassword: z.string().max(MAX_PASSWORD_LENGTH),
        }),
        response: { 200: sessionAnswer, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const { user, csrfToken } = request.signedIn!;
      const found = await findUserForSignIn(ws, user.email);
      if (!found || !(await verifyPassword(request.body.currentPassword, found.passwordHash))) {
        fail('FP_AUTH_BAD_CREDENTIALS', 'The current password is wrong.', {
          where: { parameter: 'body.currentPassword' },
        });
      }
      if (request.body.currentPassword === request.body.newPassword) {
        fail('FP_AUTH_BAD_PASSWORD', 'The new password must differ from the one it replaces.', {
          where: { parameter: 'body.newPassword' },
        });
      }
      await setOwnPassword(ws, user.email, request.body.newPassword);
      context.sessions.clear();
      return { user: describeUser({ ...user, mustChangePassword: false }), csrfToken };
    },
  );
};
