// GET /api/health: answers without sign-in so a load balancer or a person can see the server is up, and
// whether the engine holding the activity (the workspace, or a ClickHouse cluster) can answer: when a
// cluster is down the server stays up on the workspace's stored results and says so here.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { engineStatus } from '../../data/engines/open-engine.ts';
import type { RouteContext } from './route-context.ts';

export const healthRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      schema: {
        summary: 'Whether the server is up and its activity engine answers (no sign-in needed)',
        tags: ['server'],
        response: {
          200: z.object({
            status: z.literal('ok'),
            engine: z.object({ name: z.string(), available: z.boolean(), problem: z.string().optional() }),
          }),
        },
      },
    },
    async () => {
      const engine = await engineStatus(context.ws);
      return {
        status: 'ok' as const,
        engine: {
          name: engine.engine,
          available: engine.available,
          ...(engine.problem ? { problem: engine.problem } : {}),
        },
      };
    },
  );
};
