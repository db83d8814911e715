// GET /api/providers/:code: one provider's page — its income over every year, its services and the ICBs
// whose residents it treats in the year shown, and how it compares with England, its region and similar
// providers. Exports: a workbook with every table, or one table as CSV (?table=).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PROVIDER_ICB_COLUMNS,
  PROVIDER_SERVICE_COLUMNS,
  PROVIDER_YEAR_COLUMNS,
  providerProfileAnswer,
} from '../../core/providers/provider-profile.ts';
import { providerProfile } from '../../data/queries/provider-profile.ts';
import { chooseYear, readRunContext } from '../../data/queries/run-context.ts';
import { sendAnswer } from '../answer-cache.ts';
import { guard } from '../auth/guard.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { provenanceOf } from '../provenance.ts';
import { errorBody, financialYear, format, provenance, providerCode, runQuery } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const answer = providerProfileAnswer.extend({ provenance });

const DERIVATION =
  "A provider's figures are provider basis: its income for every patient it treats, from the stored flows. The part for residents of its host ICB is the part counted in that ICB's population-basis spend. Patients are summed from the activity rows that carry a patient count, and spend per patient divides those rows' cost by them. Region means the providers hosted by the region's ICBs.";

export const providerRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/providers/:code',
    {
      onRequest: guard(context),
      schema: {
        summary: "One provider's income over the years, its services and patients' ICBs, beside similar providers",
        tags: ['providers'],
        params: z.object({ code: providerCode }),
        querystring: z.object({
          ...runQuery,
          year: financialYear.optional(),
          format: format.optional(),
          table: z.enum(['services', 'icbs', 'years']).optional().describe('For CSV: which table (default services).'),
        }),
        response: { 200: answer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const answered = await answers.answer(
        request,
        reply,
        async () => {
          const run = await readRunContext(ws, request.query);
          const year = chooseYear(run, request.query.year);
          return { run, year, profile: await providerProfile(ws, run, request.params.code, year) };
        },
        ({ run, year, profile }): z.infer<typeof answer> => ({
          ...profile,
          provenance: provenanceOf(run, year, DERIVATION),
        }),
      );
      const { year, profile } = answered.value;
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        const tables = {
          services: {
            name: 'Services',
            columns: PROVIDER_SERVICE_COLUMNS,
            rows: tableRows(profile.services),
          },
          icbs: {
            name: "Patients' ICBs",
            columns: PROVIDER_ICB_COLUMNS,
            rows: tableRows(profile.residentIcbs),
          },
          years: {
            name: 'Over the years',
            columns: PROVIDER_YEAR_COLUMNS,
            rows: tableRows(profile.trend),
          },
        };
        const chosen = asked === 'csv' ? [tables[request.query.table ?? 'services']] : Object.values(tables);
        return sendExport(reply, asked, ['provider', profile.provider.code, request.query.table, year], chosen);
      }
      return sendAnswer(request, reply, answered);
    },
  );
};
