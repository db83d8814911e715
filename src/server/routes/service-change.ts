// Service change and delivery of a stored scenario: what its repatriations and consolidations do to flows,
// spend on both bases and providers' volumes beside the unchanged baseline, and how its QIPP schemes are
// delivering against plan (read by anyone signed in, as plans are).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QIPP_DELIVERY_COLUMNS, qippDeliveryAnswerSchema } from '../../core/qipp/qipp-delivery.ts';
import { whatIfAnswerSchema } from '../../core/service-change/index.ts';
import { importQippActualsText, readQippDelivery } from '../../data/qipp/qipp-delivery.ts';
import { readWhatIf } from '../../data/service-change/read-what-if.ts';
import { whatIfTables } from '../../data/service-change/what-if-tables.ts';
import { rememberedFor, sendAnswer, userScope } from '../answer-cache.ts';
import { guard, signedInUser } from '../auth/guard.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { errorBody, financialYear, format } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

export const serviceChangeRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/planning/scenarios/:name/whatif',
    {
      onRequest: guard(context),
      schema: {
        summary: "A scenario's service changes: changed flows, both bases and provider volumes beside the baseline",
        tags: ['planning'],
        params: z.object({ name: z.string().min(1).max(120) }),
        querystring: z.object({
          year: financialYear.optional().describe('One plan year, e.g. 2026/27; default every year.'),
          format: format.optional(),
        }),
        response: { 200: whatIfAnswerSchema, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const remembered = await rememberedFor(context.answers, request, reply, () =>
        readWhatIf(context.ws, request.params.name, { year: request.query.year }),
      );
      const answer = remembered.value;
      const asked = request.query.format;
      if (asked === 'xlsx') return sendExport(reply, 'xlsx', ['whatif', answer.scenario], whatIfTables(answer));
      if (asked === 'csv') return sendExport(reply, 'csv', ['whatif', answer.scenario], whatIfTables(answer));
      return sendAnswer(request, reply, remembered);
    },
  );

  r.get(
    '/planning/scenarios/:name/qipp-delivery',
    {
      onRequest: guard(context),
      schema: {
        summary: "A scenario's QIPP delivery: planned, actual to date, forecast outturn, RAG and trend",
        tags: ['planning'],
        params: z.object({ name: z.string().min(1).max(120) }),
        querystring: z.object({
          year: z.string().max(7).optional().describe('The plan year; default the latest with actuals.'),
          actualsFromDataset: z
            .string()
            .min(1)
            .max(120)
            .optional()
            .describe('Derive the actuals from this later activity dataset instead of the imported figures.'),
          format: format.optional(),
        }),
        response: { 200: qippDeliveryAnswerSchema, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    // Remembered per organisation and role while the workspace is unchanged (it plans the scenario).
    async (request, reply) => {
      const remembered = await context.answers.answer(
        request,
        reply,
        () =>
          readQippDelivery(context.ws, request.params.name, request.query.year, {
            actualsFromDataset: request.query.actualsFromDataset,
          }),
        (value) => value,
        userScope(request),
      );
      const answer = remembered.value;
      const asked = request.query.format;
      if (asked === 'csv' || asked === 'xlsx') {
        return sendExport(
          reply,
          asked,
          ['qipp-delivery', answer.scenario, answer.financialYear],
          [{ name: 'QIPP delivery', columns: QIPP_DELIVERY_COLUMNS, rows: tableRows(answer.rows) }],
        );
      }
      return sendAnswer(request, reply, remembered);
    },
  );

  r.post(
    '/planning/scenarios/:name/qipp-actuals',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary:
          "Import a plan year's monthly actual QIPP savings (CSV: scheme, unit, month, saving); replaces the year",
        tags: ['planning'],
        params: z.object({ name: z.string().min(1).max(120) }),
        body: z.object({
          year: z.string().min(1).max(7).describe('The plan year, e.g. 2026/27.'),
          csv: z.string().max(1_000_000).describe('The CSV text, as docs/data-format.md describes it.'),
        }),
        response: {
          200: z.object({ imported: z.number() }),
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request) => {
      const imported = await importQippActualsText(
        context.ws,
        signedInUser(request),
        request.params.name,
        request.body.year,
        request.body.csv,
      );
      context.answers.clear();
      return { imported };
    },
  );
};
