// GET /api/flows: resident ICB × provider flows for a year, optionally one service and one footprint,
// with the cross-boundary share.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../core/errors.ts';
import { FLOW_COLUMNS, flowsAnswer } from '../../core/flows/flows-answer.ts';
import { flowsTable } from '../../data/queries/flows-table.ts';
import { footprintMembers } from '../../data/queries/footprints-summary.ts';
import { chooseYear, readRunContext } from '../../data/queries/run-context.ts';
import { servicesCatalogue } from '../../data/queries/services-catalogue.ts';
import { sendAnswer } from '../answer-cache.ts';
import { guard } from '../auth/guard.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { provenanceOf } from '../provenance.ts';
import { errorBody, financialYear, format, runQuery, serviceCode } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

export const flowRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/flows',
    {
      onRequest: guard(context),
      schema: {
        summary: 'Resident ICB × provider flows with the cross-boundary share',
        tags: ['flows'],
        querystring: z.object({
          ...runQuery,
          service: serviceCode.optional(),
          year: financialYear.optional(),
          footprint: z.string().min(1).max(120).optional().describe('A footprint name from GET /api/footprints.'),
          format: format.optional(),
        }),
        response: {
          200: flowsAnswer,
          400: errorBody,
          401: errorBody,
          404: errorBody,
        },
      },
    },
    async (request, reply) => {
      const { service, footprint } = request.query;
      const answer = await answers.answer(
        request,
        reply,
        async () => {
          const context = await readRunContext(ws, request.query);
          const year = chooseYear(context, request.query.year);
          if (service && (await servicesCatalogue(ws, { ...context, year }, { code: service })).length === 0) {
            fail('FP_HTTP_NOT_FOUND', `There is no current service with the code ${JSON.stringify(service)}.`, {
              where: { parameter: 'service' },
              received: service,
            });
          }
          const members = footprint ? await footprintMembers(ws, footprint) : undefined;
          if (footprint && !members) {
            fail('FP_FOOTPRINT_NOT_FOUND', `There is no footprint called ${JSON.stringify(footprint)}.`, {
              where: { parameter: 'footprint' },
              received: footprint,
            });
          }
          const table =
            context.dataset && year
              ? await flowsTable(
                  ws,
                  { dataset: context.dataset, vintage: context.vintage, year },
                  { service, footprintMembers: members },
                )
              : { rows: [], crossBoundaryShare: null };
          return { context, year, table };
        },
        ({ context, year, table }): z.infer<typeof flowsAnswer> => ({
          ...table,
          provenance: provenanceOf(
            context,
            year,
            `Flows sum spend and activity by the patient's registered ICB and the provider (${service ? `service ${service}` : 'all services'}). ${footprint ? `Rows are those with the resident or the provider in the footprint "${footprint}"; the cross-boundary share is the part of its residents' spend at providers outside it.` : "The cross-boundary share is the part of all spend at providers outside the patient's own ICB."}`,
          ),
        }),
      );
      const { year, table } = answer.value;
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(
          reply,
          asked,
          ['flows', service, footprint, year],
          [
            {
              name: 'Flows',
              columns: FLOW_COLUMNS,
              rows: tableRows(table.rows),
            },
          ],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );
};
