// GET /api/geography/icbs.geojson: the shipped ICB boundaries of a vintage (generalised, clipped to the
// coastline) with each feature's properties reduced to { code (ODS), onsCode, name } for the map.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type IcbBoundaries, icbBoundaries } from '../../core/geography/icb-boundaries.ts';
import { DEFAULT_VINTAGE, type GeographyVintage } from '../../core/geography/vintage.ts';
import { DEFAULT_REFERENCE_DIR, REFERENCE_FILES } from '../../data/reference/reference-files.ts';
import type { Workspace } from '../../data/workspace.ts';
import { AnswerCache, sendAnswer } from '../answer-cache.ts';
import { guard } from '../auth/guard.ts';
import { errorBody, vintage } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const BOUNDARY_FILE: Record<GeographyVintage, { path: string; onsProperty: string }> = {
  '2026': { path: REFERENCE_FILES.icbBoundaries2026, onsProperty: 'ICB26CD' },
  '2023': { path: REFERENCE_FILES.icbBoundaries2023, onsProperty: 'ICB23CD' },
};

async function readBoundaries(ws: Workspace, v: GeographyVintage): Promise<IcbBoundaries> {
  const file = BOUNDARY_FILE[v];
  const parsed = JSON.parse(await readFile(join(DEFAULT_REFERENCE_DIR, file.path), 'utf8')) as {
    features: { properties: Record<string, unknown>; geometry: unknown }[];
  };
  const icbs = await ws.all<{ code: string; onsCode: string; name: string }>(
    'SELECT icb_code AS code, icb_ons_code AS "onsCode", name FROM icb WHERE vintage = $1',
    [v],
  );
  const byOns = new Map(icbs.map((i) => [i.onsCode, i]));
  return {
    type: 'FeatureCollection',
    features: parsed.features.flatMap((f) => {
      const icb = byOns.get(String(f.properties[file.onsProperty]));
      return icb ? [{ type: 'Feature' as const, properties: icb, geometry: f.geometry }] : [];
    }),
  };
}

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
        () => readBoundaries(ws, request.query.vintage ?? DEFAULT_VINTAGE),
        (collection) => collection,
      );
      return sendAnswer(request, reply, answer, 'application/geo+json; charset=utf-8');
    },
  );
};
