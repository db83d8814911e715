// Users, for admins: each admin sees and manages the users of their organisation and those it covers (a
// region's admin: the region and its ICBs; national: everyone).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../core/errors.ts';
import { USER_COLUMNS } from '../../core/users/user-shapes.ts';
import { coveredCodes, covers } from '../../data/users/organisations.ts';
import { ROLES } from '../../data/users/roles.ts';
import {
  addUser,
  changeUser,
  findUser,
  listUsers,
  MAX_PASSWORD_LENGTH,
  removeUser,
  resetPassword,
  type User,
} from '../../data/users/user-store.ts';
import { auditActorOf, guard, signedInUser } from '../auth/guard.ts';
import { requireOrganisationInScope } from '../auth/scope.ts';
import { sendExport } from '../export-reply.ts';
import { errorBody, format, noContent } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';
import { describeUser, sessionUser } from './session.ts';

export const userRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/users',
    {
      onRequest: guard(context, { role: 'admin' }),
      schema: {
        summary: 'Users of your organisation and those it covers (admins)',
        tags: ['users'],
        querystring: z.object({ format: format.optional() }),
        response: { 200: z.object({ rows: z.array(sessionUser) }), 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const actor = signedInUser(request).organisation;
      const rows = (await listUsers(ws, await coveredCodes(ws, actor))).map(describeUser);
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(
          reply,
          asked,
          ['users', actor.code],
          [
            {
              name: 'Users',
              columns: USER_COLUMNS,
              rows: rows.map((u) => ({
                email: u.email,
                organisation: u.organisation.code,
                organisationName: u.organisation.name,
                role: u.role,
              })),
            },
          ],
        );
      }
      return { rows };
    },
  );
  r.post(
    '/users',
    {
      onRequest: guard(context, { role: 'admin', changes: true }),
      schema: {
        summary: 'Add a user to your organisation or one it covers (admins)',
        tags: ['users'],
        body: z.object({
          email: z.string().min(3).max(254),
          organisation: z.string().min(1).max(20),
          role: z.enum(ROLES),
          password: z.string().max(MAX_PASSWORD_LENGTH),
          mustChangePassword: z
            .boolean()
            .optional()
            .describe('They choose their own password at the first sign-in (the users page always asks this).'),
        }),
        response: { 201: sessionUser, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const actor = signedInUser(request).organisation;
      const target = await requireOrganisationInScope(ws, actor, request.body.organisation, 'body.organisation');
      const { mustChangePassword, ...added } = request.body;
      const user = await addUser(ws, { ...added, organisation: target.code }, auditActorOf(request), {
        mustChangePassword,
      });
      context.answers.clear();
      return reply.code(201).send(describeUser(user));
    },
  );
  r.delete(
    '/users/:email',
    {
      onRequest: guard(context, { role: 'admin', changes: true }),
      schema: {
        summary: 'Remove a user of your organisation or one it covers (admins)',
        tags: ['users'],
        params: z.object({ email: z.string().min(3).max(254) }),
        response: { 204: noContent, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const target = await userInScope(request, request.params.email);
      await removeUser(ws, target.email, auditActorOf(request));
      context.sessions.clear();
      context.answers.clear();
      return reply.code(204).send(null);
    },
  );
  r.patch(
    '/users/:email',
    {
      onRequest: guard(context, { role: 'admin', changes: true }),
      schema: {
        summary: 'Change the role or organisation of a user in your scope (admins)',
        tags: ['users'],
        params: z.object({ email: z.string().min(3).max(254) }),
        body: z.object({ role: z.enum(ROLES).optional(), organisation: z.string().min(1).max(20).optional() }),
        response: { 200: sessionUser, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const target = await userInScope(request, request.params.email);
      const actor = signedInUser(request).organisation;
      const organisation = request.body.organisation
        ? await requireOrganisationInScope(ws, actor, request.body.organisation, 'body.organisation')
        : target.organisation;
      const changed = await changeUser(
        ws,
        target.email,
        { role: request.body.role, organisation: organisation.code },
        auditActorOf(request),
      );
      return describeUser(changed);
    },
  );
  r.post(
    '/users/:email/password',
    {
      onRequest: guard(context, { role: 'admin', changes: true }),
      schema: {
        summary: 'Reset the password of a user in your scope; they choose their own at the next sign-in (admins)',
        tags: ['users'],
        params: z.object({ email: z.string().min(3).max(254) }),
        body: z.object({ password: z.string().max(MAX_PASSWORD_LENGTH) }),
        response: { 204: noContent, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const target = await userInScope(request, request.params.email);
      await resetPassword(ws, target.email, request.body.password, auditActorOf(request));
      return reply.code(204).send(null);
    },
  );

  /** The user an admin names, when they are someone else in the admin's scope. */
  async function userInScope(request: FastifyRequest, email: string): Promise<User> {
    const me = signedInUser(request);
    const target = await findUser(ws, email);
    // A user of an organisation the admin does not cover gets the same answer as no user at all, so the
    // answer never tells an outsider which emails have accounts.
    if (!target || !covers(me.organisation, target.organisation)) {
      fail('FP_AUTH_USER_NOT_FOUND', `There is no user ${email} in an organisation you cover.`, {
        where: { parameter: 'email' },
        received: email,
      });
    }
    if (target.email === me.email) {
      fail('FP_AUTH_FORBIDDEN', 'You cannot change or remove your own account; ask another admin.', {
        where: { parameter: 'email' },
        received: target.email,
      });
    }
    return target;
  }
};
