// Sign-in, who am I, sign-out. Sign-in is rate limited per address; a wrong email and a wrong password get
// the same answer after the same work, so neither reveals which users exist.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../core/errors.ts';
import { decoyHash, verifyPassword } from '../../data/users/password-hash.ts';
import { ROLES } from '../../data/users/roles.ts';
import { createSession, deleteSession } from '../../data/users/session-store.ts';
import { findUserForSignIn, MAX_PASSWORD_LENGTH, type User } from '../../data/users/user-store.ts';
import { guard, SESSION_COOKIE } from '../auth/guard.ts';
import { errorBody, noContent } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

export const sessionUser = z.object({
  email: z.string(),
  organisation: z.object({
    code: z.string(),
    name: z.string(),
    type: z.enum(['icb', 'region', 'national']),
  }),
  role: z.enum(ROLES),
});

const sessionAnswer = z.object({ user: sessionUser, csrfToken: z.string() });

export function describeUser(user: User): z.infer<typeof sessionUser> {
  const { code, name, type } = user.organisation;
  return { email: user.email, organisation: { code, name, type }, role: user.role };
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
      onRequest: guard(context),
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
      onRequest: guard(context, { changes: true }),
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
};
