// Places and neighbourhoods below an ICB: everyone signed in reads them; editors of the ICB (or its region,
// or national) define and remove their own place groupings of its GP practices.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { placesAnswer } from '../../core/places/places-answer.ts';
import { USUAL_SIZE } from '../../core/places/size-flags.ts';
import { icbPlaces } from '../../data/places/icb-places.ts';
import {
  addPlaceGrouping,
  listPlaceGroupings,
  readPlaceGrouping,
  removePlaceGrouping,
} from '../../data/places/place-groupings.ts';
import { placesTables } from '../../data/places/places-tables.ts';
import { PRACTICE_SIZE_YEAR } from '../../data/places/practice-geography.ts';
import { chooseYear, readRunContext } from '../../data/queries/run-context.ts';
import { findOrganisation } from '../../data/users/organisations.ts';
import { sendAnswer } from '../answer-cache.ts';
import { auditActorOf, guard, signedInUser } from '../auth/guard.ts';
import { requireCovered } from '../auth/scope.ts';
import { sendExport } from '../export-reply.ts';
import { provenanceOf } from '../provenance.ts';
import { currentGeographyRunQuery, errorBody, financialYear, format, icbCode, noContent } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const DERIVATION = `Places are the local authority districts of the ICB's GP practices (or a user's grouping of them); neighbourhoods are primary care networks. A practice's population is its ${PRACTICE_SIZE_YEAR} registered population (NHS England allocation file) scaled so the practices of each sub-ICB location add up to its GP-registered total (August 2026), with the sub-ICB's age and sex structure. Spend and activity come from activity rows that carry a GP practice code.`;

export const placeRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/places',
    {
      onRequest: guard(context),
      schema: {
        summary: "An ICB's places and neighbourhoods: populations by age and sex, size flags, practice-coded spend",
        tags: ['places'],
        querystring: z.object({
          ...currentGeographyRunQuery,
          icb: icbCode,
          grouping: z.string().min(1).max(80).optional().describe('A place grouping; default local authority places.'),
          year: financialYear.optional(),
          format: format.optional(),
        }),
        response: { 200: placesAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const { icb, grouping: groupingName, year: asked } = request.query;
      const answer = await answers.answer(
        request,
        reply,
        async () => {
          const runContext = await readRunContext(ws, request.query);
          const year = chooseYear(runContext, asked);
          const value = await icbPlaces(ws, {
            icb,
            grouping: groupingName,
            dataset: runContext.dataset,
            financialYear: year,
          });
          return { runContext, year, value, groupings: await listPlaceGroupings(ws, value.icbCode) };
        },
        ({ runContext, year, value, groupings }): z.infer<typeof placesAnswer> => ({
          ...value,
          groupings,
          usualSize: { ...USUAL_SIZE },
          provenance: provenanceOf(runContext, year, DERIVATION),
        }),
      );
      const asking = request.query.format;
      if (asking === 'xlsx' || asking === 'csv') {
        const { value } = answer.value;
        return sendExport(reply, asking, ['places', value.icbCode, value.grouping], placesTables(value));
      }
      return sendAnswer(request, reply, answer);
    },
  );
  r.post(
    '/places/groupings',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary: "Define a place grouping of an ICB's GP practices (editors of the ICB, its region or national)",
        tags: ['places'],
        body: z.object({
          name: z.string().min(1).max(80),
          icb: icbCode,
          description: z.string().max(500).optional(),
          places: z
            .array(
              z.object({ name: z.string().min(1).max(80), practices: z.array(z.string().min(1).max(12)).max(2000) }),
            )
            .min(1)
            .max(200),
        }),
        response: {
          201: z.object({ name: z.string(), icbCode: z.string(), places: z.number() }),
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
          409: errorBody,
        },
      },
    },
    async (request, reply) => {
      const actor = signedInUser(request).organisation;
      const target = await findOrganisation(ws, request.body.icb);
      if (target) requireCovered(actor, target, `places of ${target.name}`, 'organisation');
      const made = await addPlaceGrouping(ws, request.body, {
        owner: target?.code ?? request.body.icb,
        by: auditActorOf(request),
      });
      answers.clear();
      return reply.code(201).send({ name: made.name, icbCode: made.icbCode, places: made.places.length });
    },
  );
  r.delete(
    '/places/groupings/:name',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary: 'Remove a place grouping (editors of its ICB, its region or national)',
        tags: ['places'],
        params: z.object({ name: z.string().min(1).max(120) }),
        response: { 204: noContent, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const actor = signedInUser(request).organisation;
      const found = await readPlaceGrouping(ws, request.params.name);
      const owner = (await findOrganisation(ws, found.owner)) ?? null;
      requireCovered(actor, owner, `the place grouping "${found.name}"`, 'organisation');
      await removePlaceGrouping(ws, found.name, auditActorOf(request));
      answers.clear();
      return reply.code(204).send(null);
    },
  );
};
