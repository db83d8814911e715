// GET /api/audit/verify (admins): the same check as `footprint audit verify`, for a running server whose
// workspace the command line cannot open while it is held.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditChainReport } from '../../core/audit/chain-report.ts';
import { auditChainReport as verifyTrail } from '../../data/audit/record-audit.ts';
import { sendAnswer, userScope } from '../answer-cache.ts';
import { guard } from '../auth/guard.ts';
import { errorBody } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

export const auditRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit/verify',
    {
      onRequest: guard(context, { role: 'admin' }),
      schema: {
        summary: 'Verify the audit trail (admins): the first broken link, or that it is intact',
        tags: ['audit'],
        response: { 200: auditChainReport, 401: errorBody, 403: errorBody },
      },
    },
    // Remembered while the workspace is unchanged: any change to the trail, tampering included, moves its
    // data version, and the trail is then checked again.
    async (request, reply) =>
      sendAnswer(
        request,
        reply,
        await context.answers.answer(
          request,
          reply,
          () => verifyTrail(context.ws),
          (value) => value,
          userScope(request),
        ),
      ),
  );
};
