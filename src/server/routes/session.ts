// Sign-in, who am I, sign-out. Sign-in is rate limited per address; a wrong email and a wrong password get
// the same answer after the same work, so neither reveals which users exist.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../core/errors.ts';
import { sessionAnswer, type UserSummary, userSummary } from '../../core/users/user-shapes.ts';
import { decoyHash, verifyPassword } from '../../data/users/password-hash.ts';
import { createSession, deleteSession } from '../../data/users/session-store.ts';
import { findUserForSignIn, MAX_PASSWORD_LENGTH, setOwnPassword, type User } from '../../data/users/user-store.ts';
import { guard, SESSION_COOKIE } from '../auth/guard.ts';
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
  r.post(
    '/session',
    {
      config: { rateLimit: { max: options.signInRateLimit.max, timeWindow: options.signInRateLimit.timeWindowMs } },
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
      const found = await findUserForSignIn(ws, request.body.email);
      const matches = await verifyPassword(request.body.password, found?.passwordHash ?? (await decoyHash()));
      if (!found || !matches) {
        fail('FP_AUTH_BAD_CREDENTIALS', 'The email address or password is wrong.', { where: { parameter: 'body' } });
      }
      const session = await createSession(ws, found.user.email, options.sessionTtlMs);
      reply.setCookie(SESSION_COOKIE, session.id, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: 'auto',
        expires: session.expiresAt,
      });
      return { user: describeUser(found.user), csrfToken: session.csrfToken };
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
      await deleteSession(ws, request.signedIn!.sessionId);
      context.sessions.clear();
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
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
