// Footprints: everyone signed in lists them; editors define new ones, owned by their organisation (or one
// it covers); a footprint is removed by its owner or an organisation covering the owner.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../core/errors.ts';
import { FOOTPRINT_COLUMNS, footprintsAnswer } from '../../core/footprints/footprints-answer.ts';
import { addFootprint, removeFootprint } from '../../data/footprints.ts';
import { footprintOwnership, footprintsSummary } from '../../data/queries/footprints-summary.ts';
import { chooseYear, readRunContext } from '../../data/queries/run-context.ts';
import { findOrganisation } from '../../data/users/organisations.ts';
import { sendAnswer } from '../answer-cache.ts';
import { auditActorOf, guard, signedInUser } from '../auth/guard.ts';
import { requireCovered } from '../auth/scope.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { provenanceOf } from '../provenance.ts';
import { currentGeographyRunQuery, errorBody, financialYear, format, icbCode, noContent } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

export const footprintRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/footprints',
    {
      onRequest: guard(context),
      schema: {
        summary: 'Every footprint with its ICBs, population and population-basis spend',
        tags: ['footprints'],
        querystring: z.object({
          ...currentGeographyRunQuery,
          year: financialYear.optional(),
          format: format.optional(),
        }),
        response: { 200: footprintsAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        async () => {
          const context = await readRunContext(ws, request.query);
          const year = chooseYear(context, request.query.year);
          return { context, year, rows: await footprintsSummary(ws, { dataset: context.dataset, year }) };
        },
        ({ context, year, rows }): z.infer<typeof footprintsAnswer> => ({
          rows,
          provenance: provenanceOf(
            context,
            year,
            "A footprint's population and population-basis spend are the sums over its member ICBs (GP-registered patients, August 2026).",
          ),
        }),
      );
      const { year, rows } = answer.value;
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(
          reply,
          asked,
          ['footprints', year],
          [
            {
              name: 'Footprints',
              columns: FOOTPRINT_COLUMNS,
              rows: tableRows(rows.map((f) => ({ ...f, members: f.members.join(' ') }))),
            },
          ],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );
  r.post(
    '/footprints',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary: 'Define a footprint (editors); it belongs to your organisation unless you name one you cover',
        tags: ['footprints'],
        body: z.object({
          name: z.string().min(1).max(80),
          icbs: z.array(icbCode).min(1).max(60),
          description: z.string().max(500).optional(),
          owner: z.string().min(1).max(20).optional().describe('Owning organisation; default yours.'),
        }),
        response: {
          201: z.object({ name: z.string(), members: z.array(z.string()), owner: z.string() }),
          400: errorBody,
          401: errorBody,
          403: errorBody,
          409: errorBody,
        },
      },
    },
    async (request, reply) => {
      const actor = signedInUser(request).organisation;
      const ownerCode = request.body.owner ?? actor.code;
      const owner = await findOrganisation(ws, ownerCode);
      if (!owner) {
        fail('FP_AUTH_UNKNOWN_ORGANISATION', `There is no organisation ${JSON.stringify(ownerCode)}.`, {
          where: { parameter: 'body.owner' },
          received: ownerCode,
        });
      }
      requireCovered(actor, owner, `footprints owned by ${owner.name}`, 'organisation');
      const made = await addFootprint(ws, request.body.name, request.body.icbs, request.body.description, {
        owner: owner.code,
        by: auditActorOf(request),
      });
      answers.clear();
      return reply.code(201).send({ name: made.name, members: made.icbs, owner: owner.code });
    },
  );
  r.delete(
    '/footprints/:name',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary: 'Remove a footprint you own (or one owned by an organisation you cover)',
        tags: ['footprints'],
        params: z.object({ name: z.string().min(1).max(120) }),
        response: { 204: noContent, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const actor = signedInUser(request).organisation;
      const found = await footprintOwnership(ws, request.params.name);
      if (!found) {
        fail('FP_FOOTPRINT_NOT_FOUND', `There is no footprint called ${JSON.stringify(request.params.name)}.`, {
          where: { parameter: 'name' },
          received: request.params.name,
        });
      }
      const owner = found.owner ? ((await findOrganisation(ws, found.owner)) ?? null) : null;
      requireCovered(actor, owner, `the footprint "${found.name}"`, 'organisation');
      await removeFootprint(ws, found.name, auditActorOf(request));
      answers.clear();
      return reply.code(204).send(null);
    },
  );
};
