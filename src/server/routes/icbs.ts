// GET /api/icbs/:code: one ICB's page — population pyramid, spend by programme and service, where its
// patients are treated and the providers it hosts. Exports: a workbook with every table, or one table as
// CSV (?table=).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DELEGATION_STATUS_YEARS, summariseIcbDelegation } from '../../core/delegation/delegation-status.ts';
import {
  ICB_HOSTED_COLUMNS,
  ICB_POPULATION_COLUMNS,
  ICB_PROGRAMME_COLUMNS,
  ICB_PROVIDER_COLUMNS,
  ICB_SERVICE_COLUMNS,
  icbProfileAnswer,
} from '../../core/icbs/icb-profile-answer.ts';
import { icbComparisonAnswer } from '../../core/peers/similar-icbs.ts';
import { icbDelegationStatuses } from '../../data/delegation/delegation-status.ts';
import { icbComparison } from '../../data/queries/icb-comparison.ts';
import { icbProfile } from '../../data/queries/icb-profile.ts';
import { chooseYear, readRunContext } from '../../data/queries/run-context.ts';
import { sendAnswer, userScope } from '../answer-cache.ts';
import { guard } from '../auth/guard.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { provenanceOf } from '../provenance.ts';
import { currentGeographyRunQuery, errorBody, financialYear, format, icbCode } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const ICB_TABLES = ['services', 'programmes', 'providers', 'hosted', 'population'] as const;

export const icbRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/icbs/:code',
    {
      onRequest: guard(context),
      schema: {
        summary: "One ICB's population, spend, patients' providers and hosted providers (2026 geography)",
        tags: ['icbs'],
        params: z.object({ code: icbCode }),
        querystring: z.object({
          ...currentGeographyRunQuery,
          year: financialYear.optional(),
          format: format.optional(),
          table: z.enum(ICB_TABLES).optional().describe('For CSV: which table (default services).'),
        }),
        response: { 200: icbProfileAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const answered = await answers.answer(
        request,
        reply,
        async () => {
          const context = await readRunContext(ws, request.query);
          const year = chooseYear(context, request.query.year);
          const profile = await icbProfile(ws, context.dataset, request.params.code, year);
          const statuses = await icbDelegationStatuses(ws, {
            icbCode: profile.icb.code,
            financialYear: year ?? DELEGATION_STATUS_YEARS.at(-1)!,
            vintage: context.vintage,
            parameter: 'code',
          });
          return { context, year, profile, delegation: summariseIcbDelegation(statuses, profile.spendByService) };
        },
        ({ context, year, profile, delegation }): z.infer<typeof icbProfileAnswer> => ({
          ...profile,
          delegation,
          provenance: provenanceOf(
            context,
            year,
            'Spend is on population basis: activity of patients registered with this ICB, wherever treated. Population is GP-registered patients, August 2026. Inside share is the part of that spend at providers hosted in the ICB. Hosted providers are those whose host ICB this is; their income counts patients from every ICB.',
          ),
        }),
      );
      const { year, profile } = answered.value;
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        const tables = {
          services: {
            name: 'Spend by service',
            columns: ICB_SERVICE_COLUMNS,
            rows: tableRows(profile.spendByService),
          },
          programmes: {
            name: 'Spend by programme',
            columns: ICB_PROGRAMME_COLUMNS,
            rows: tableRows(profile.spendByProgramme),
          },
          providers: {
            name: 'Where patients are treated',
            columns: ICB_PROVIDER_COLUMNS,
            rows: tableRows(profile.topProviders),
          },
          hosted: {
            name: 'Hosted providers',
            columns: ICB_HOSTED_COLUMNS,
            rows: profile.hostedProviders.map((h) => ({
              ...h,
              topOrigins: h.topOrigins.map((o) => o.name).join('; '),
            })),
          },
          population: {
            name: 'Population',
            columns: ICB_POPULATION_COLUMNS,
            rows: tableRows(profile.population.pyramid),
          },
        };
        const chosen = asked === 'csv' ? [tables[request.query.table ?? 'services']] : Object.values(tables);
        return sendExport(reply, asked, ['icb', profile.icb.code, request.query.table, year], chosen);
      }
      return sendAnswer(request, reply, answered);
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/icbs/:code/comparison',
    {
      onRequest: guard(context),
      schema: {
        summary: 'One ICB beside England, its region and similar ICBs: spend per head in every year',
        tags: ['icbs'],
        params: z.object({ code: icbCode }),
        querystring: z.object(currentGeographyRunQuery),
        response: { 200: icbComparisonAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    // Remembered while the workspace is unchanged.
    async (request, reply) => {
      const answer = await context.answers.answer(
        request,
        reply,
        async () => icbComparison(ws, (await readRunContext(ws, request.query)).dataset, request.params.code),
        (value) => value,
        userScope(request),
      );
      return sendAnswer(request, reply, answer);
    },
  );
};
