// GET /api/overview: England's specialised spend by year on both bases and, for one year, every ICB's
// population, spend on each basis, difference, out-of-area share and spend per head.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ICB_POPULATION_SOURCE } from '../../data/queries/icb-population.ts';
import { overviewByIcb, totalsByYear } from '../../data/queries/overview-by-icb.ts';
import { chooseYear, readRunContext } from '../../data/queries/run-context.ts';
import { DEFAULT_VINTAGE } from '../../data/reference/geography.ts';
import { sendAnswer } from '../answer-cache.ts';
import { guard } from '../auth/guard.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { provenanceOf } from '../provenance.ts';
import { errorBody, financialYear, format, provenance, vintage } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const icbRow = z.object({
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  population: z.number(),
  providerBasisSpend: z.number(),
  populationBasisSpend: z.number(),
  difference: z.number().describe('Population basis minus provider basis.'),
  outOfAreaShare: z.number().nullable(),
  spendPerHead: z.number().nullable(),
});

const overviewAnswer = z.object({
  years: z.array(z.string()),
  year: z.string().nullable(),
  totalsByYear: z.array(
    z.object({ financialYear: z.string(), providerBasisSpend: z.number(), populationBasisSpend: z.number() }),
  ),
  icbs: z.array(icbRow),
  provenance,
});

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
          vintage: vintage.optional(),
          format: format.optional(),
        }),
        response: {
          200: overviewAnswer,
          400: errorBody,
          401: errorBody,
        },
      },
    },
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        async () => {
          const context = await readRunContext(ws, request.query.vintage ?? DEFAULT_VINTAGE);
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
              columns: [
                { key: 'code', header: 'ICB code', kind: 'text' },
                { key: 'name', header: 'ICB', kind: 'text' },
                { key: 'regionName', header: 'Region', kind: 'text' },
                { key: 'population', header: 'Population', kind: 'number' },
                { key: 'providerBasisSpend', header: 'Provider-basis spend (£)', kind: 'money' },
                { key: 'populationBasisSpend', header: 'Population-basis spend (£)', kind: 'money' },
                { key: 'difference', header: 'Difference (£)', kind: 'money' },
                { key: 'outOfAreaShare', header: 'Out-of-area share', kind: 'share' },
                { key: 'spendPerHead', header: 'Spend per head (£)', kind: 'money' },
              ],
              rows: tableRows(icbs),
            },
            {
              name: 'Totals by year',
              columns: [
                { key: 'financialYear', header: 'Financial year', kind: 'text' },
                { key: 'providerBasisSpend', header: 'Provider-basis spend (£)', kind: 'money' },
                { key: 'populationBasisSpend', header: 'Population-basis spend (£)', kind: 'money' },
              ],
              rows: tableRows(totals),
            },
          ],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );
};
