// GET /api/overview: England's specialised spend by year on both bases and, for one year, every ICB's
// population, spend on each basis, difference, out-of-area share and spend per head.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OVERVIEW_ICB_COLUMNS, overviewAnswer, YEAR_TOTALS_COLUMNS } from '../../core/overview/overview-answer.ts';
import { ICB_POPULATION_SOURCE } from '../../data/queries/icb-population.ts';
import { overviewByIcb, totalsByYear } from '../../data/queries/overview-by-icb.ts';
import { chooseYear, readRunContext } from '../../data/queries/run-context.ts';
import { sendAnswer } from '../answer-cache.ts';
import { guard } from '../auth/guard.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { provenanceOf } from '../provenance.ts';
import { errorBody, financialYear, format, runQuery, vintage } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

export const overviewRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/overview',
    {
      onRequest: guard(context),
      schema: {
        summary: 'England overview: spend by year and every ICB for one year',
        tags: ['overview'],
        querystring: z.object({
          year: financialYear.optional(),
          ...runQuery,
          vintage: vintage.optional().describe('The older name of geography, still accepted.'),
          format: format.optional(),
        }),
        response: {
          200: overviewAnswer,
          400: errorBody,
          401: errorBody,
          404: errorBody,
        },
      },
    },
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        async () => {
          const { geography = request.query.vintage } = request.query;
          const context = await readRunContext(ws, { dataset: request.query.dataset, geography });
          const year = chooseYear(context, request.query.year);
          const dataset = context.dataset;
          const totals = dataset ? await totalsByYear(ws, dataset, context.vintage) : [];
          const icbs = dataset && year ? await overviewByIcb(ws, dataset, context.vintage, year) : [];
          const json: z.infer<typeof overviewAnswer> = {
            years: context.years,
            year,
            totalsByYear: totals,
            icbs,
            provenance: provenanceOf(
              context,
              year,
              `Provider-basis spend is summed where the provider is hosted; population-basis spend where the patient is registered (flows of each resident ICB to each provider). Out-of-area share is the part of an ICB's population-basis spend at providers hosted in other ICBs. Spend per head divides population-basis spend by the ${ICB_POPULATION_SOURCE[context.vintage]}.`,
            ),
          };
          return { json, context, year };
        },
        ({ json }) => json,
      );
      const { json, context, year } = answer.value;
      const { icbs, totalsByYear: totals } = json;
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(
          reply,
          asked,
          ['overview', year, context.vintage],
          [
            {
              name: `ICBs ${year ?? ''}`.trim(),
              columns: OVERVIEW_ICB_COLUMNS,
              rows: tableRows(icbs),
            },
            {
              name: 'Totals by year',
              columns: YEAR_TOTALS_COLUMNS,
              rows: tableRows(totals),
            },
          ],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );
};
