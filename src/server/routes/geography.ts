// GET /api/geography/icbs.geojson: the shipped ICB boundaries of a vintage (generalised, clipped to the
// coastline) with each feature's properties reduced to { code (ODS), onsCode, name } for the map.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { icbBoundaries } from '../../core/geography/icb-boundaries.ts';
import { DEFAULT_VINTAGE } from '../../core/geography/vintage.ts';
import { readIcbBoundaries } from '../../data/reference/icb-boundaries.ts';
import { AnswerCache, sendAnswer } from '../answer-cache.ts';
import { guard } from '../auth/guard.ts';
import { errorBody, vintage } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

export const geographyRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws } = context;
  // The boundaries never change while the server runs: read and serialise each vintage once, kept apart
  // from the answers a change clears.
  const boundaries = new AnswerCache();
  app.withTypeProvider<ZodTypeProvider>().get(
    '/geography/icbs.geojson',
    {
      onRequest: guard(context),
      schema: {
        summary: 'ICB boundaries as GeoJSON, properties { code, onsCode, name }',
        tags: ['geography'],
        querystring: z.object({ vintage: vintage.optional() }),
        response: { 200: icbBoundaries, 400: errorBody, 401: errorBody },
      },
    },
    async (request, reply) => {
      const answer = await boundaries.answer(
        request,
        reply,
        () => readIcbBoundaries(ws, request.query.vintage ?? DEFAULT_VINTAGE),
        (collection) => collection,
      );
      return sendAnswer(request, reply, answer, 'application/geo+json; charset=utf-8');
    },
  );
};
