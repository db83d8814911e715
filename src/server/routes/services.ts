// GET /api/services: the catalogue with national figures, filtered by text and programme of care; GET
// /api/services/:code: one service's spend per ICB (per head) and its providers.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DELEGATION_STATUS_YEARS, describeDelegationStatus } from '../../core/delegation/delegation-status.ts';
import { fail } from '../../core/errors.ts';
import {
  catalogueAnswer,
  SERVICE_BY_ICB_COLUMNS,
  SERVICE_COLUMNS,
  SERVICE_PROVIDER_COLUMNS,
  serviceAnswer,
} from '../../core/services/service-answers.ts';
import { serviceTrendAnswer } from '../../core/services/service-trend.ts';
import {
  delegatedServicesCount as readDelegatedServicesCount,
  icbDelegationStatuses as readIcbDelegationStatuses,
  serviceDelegationTimeline as readServiceDelegationTimeline,
} from '../../data/delegation/delegation-status.ts';
import { chooseYear, readRunContext } from '../../data/queries/run-context.ts';
import { serviceByIcb, serviceProviders } from '../../data/queries/service-profile.ts';
import { serviceTrend } from '../../data/queries/service-trend.ts';
import { servicesCatalogue } from '../../data/queries/services-catalogue.ts';
import { catalogueIsShippedPartial } from '../../data/reference/import-services.ts';
import { rememberedFor, sendAnswer } from '../answer-cache.ts';
import { guard } from '../auth/guard.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { provenanceOf } from '../provenance.ts';
import {
  currentGeographyRunQuery,
  errorBody,
  financialYear,
  format,
  icbCode,
  runQuery,
  serviceCode,
} from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const DERIVATION =
  'National spend and activity are summed from the stored flows (every resident ICB to every provider) for the year; patients are summed from the activity rows that carry a patient count; providers counts those with non-zero spend.';

const icbParameter = icbCode
  .optional()
  .describe(
    "An ICB's ODS code: add who commissions each service for it (retained nationally, joint committee, delegated).",
  );

/** Delegation status has its own years (2023/24 on): the year shown, else the last wave year. */
const statusYear = (year: string | null) => year ?? DELEGATION_STATUS_YEARS.at(-1)!;

export const serviceRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/services',
    {
      onRequest: guard(context),
      schema: {
        summary: 'The services catalogue with national spend, patients and providers',
        tags: ['services'],
        querystring: z.object({
          ...runQuery,
          year: financialYear.optional(),
          q: z.string().max(100).optional().describe('Text found in the code or name (any case).'),
          programme: z.string().max(100).optional().describe('Exact programme of care.'),
          icb: icbParameter,
          format: format.optional(),
        }),
        response: {
          200: catalogueAnswer,
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
          const context = await readRunContext(ws, request.query);
          const year = chooseYear(context, request.query.year);
          const rows = await servicesCatalogue(
            ws,
            { dataset: context.dataset, vintage: context.vintage, year },
            { q: request.query.q, programme: request.query.programme },
          );
          const delegation = request.query.icb
            ? await readIcbDelegationStatuses(ws, {
                icbCode: request.query.icb,
                financialYear: statusYear(year),
                vintage: context.vintage,
              })
            : null;
          const delegatedCount = await readDelegatedServicesCount(ws);
          return {
            context,
            year,
            rows,
            delegation,
            delegatedCount,
            shippedPartial: await catalogueIsShippedPartial(ws),
          };
        },
        ({ context, year, rows, delegation, delegatedCount, shippedPartial }): z.infer<typeof catalogueAnswer> => ({
          rows,
          delegation,
          delegatedCount,
          catalogueNote: shippedPartial
            ? 'This is the partial catalogue shipped with Footprint, assembled from published NHS England lists; programme of care, highly specialised flag and delegation status are blank where no public source gives them. Import the full catalogue with `footprint services import FILE`.'
            : null,
          provenance: provenanceOf(context, year, DERIVATION),
        }),
      );
      const { year, rows, delegation } = answer.value;
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        const columns = delegation
          ? [
              ...SERVICE_COLUMNS,
              {
                key: 'commissioning',
                header: `Commissioning for ${delegation.icbName}, ${delegation.financialYear}`,
                kind: 'text' as const,
              },
            ]
          : SERVICE_COLUMNS;
        const exported = rows.map((r) => {
          const status = delegation?.byService[r.code];
          return status ? { ...r, commissioning: describeDelegationStatus(status) } : r;
        });
        return sendExport(
          reply,
          asked,
          ['services', delegation?.icbCode, year],
          [{ name: `Services ${year ?? ''}`.trim(), columns, rows: tableRows(exported) }],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );
  r.get(
    '/services/:code',
    {
      onRequest: guard(context),
      schema: {
        summary: 'One service: spend per ICB (per head) and its providers',
        tags: ['services'],
        params: z.object({ code: serviceCode }),
        querystring: z.object({
          ...runQuery,
          year: financialYear.optional(),
          icb: icbParameter,
          format: format.optional(),
          table: z.enum(['icbs', 'providers']).optional().describe('For CSV: which table (default icbs).'),
        }),
        response: {
          200: serviceAnswer,
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
          const context = await readRunContext(ws, request.query);
          const year = chooseYear(context, request.query.year);
          const [service] = await servicesCatalogue(
            ws,
            { dataset: context.dataset, vintage: context.vintage, year },
            { code: request.params.code },
          );
          if (!service) {
            fail(
              'FP_HTTP_NOT_FOUND',
              `There is no current service with the code ${JSON.stringify(request.params.code)}.`,
              {
                where: { parameter: 'code' },
                received: request.params.code,
                accepted: 'a service line code from GET /api/services',
              },
            );
          }
          const run = context.dataset && year ? { dataset: context.dataset, vintage: context.vintage, year } : null;
          const byIcb = run ? await serviceByIcb(ws, run, service.code) : [];
          const providers = run ? await serviceProviders(ws, run, service.code) : [];
          const delegation = request.query.icb
            ? await readServiceDelegationTimeline(ws, {
                icbCode: request.query.icb,
                serviceCode: service.code,
                vintage: context.vintage,
              })
            : null;
          return { context, year, service, byIcb, providers, delegation };
        },
        ({ context, year, service, byIcb, providers, delegation }): z.infer<typeof serviceAnswer> => ({
          service,
          delegation,
          byIcb,
          providers,
          provenance: provenanceOf(
            context,
            year,
            `${DERIVATION} Spend per ICB is on population basis; per head divides it by GP-registered patients, August 2026.`,
          ),
        }),
      );
      const { year, service, byIcb, providers } = answer.value;
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        const tables = {
          icbs: {
            name: 'Spend by ICB',
            columns: SERVICE_BY_ICB_COLUMNS,
            rows: tableRows(byIcb),
          },
          providers: {
            name: 'Providers',
            columns: SERVICE_PROVIDER_COLUMNS,
            rows: tableRows(providers),
          },
        };
        const chosen = asked === 'csv' ? [tables[request.query.table ?? 'icbs']] : Object.values(tables);
        return sendExport(reply, asked, ['service', service.code, request.query.table, year], chosen);
      }
      return sendAnswer(request, reply, answer);
    },
  );

  r.get(
    '/services/:code/trend',
    {
      onRequest: guard(context),
      schema: {
        summary: "One service's England spend and spend per head in every year, beside an ICB's region and peers",
        tags: ['services'],
        params: z.object({ code: serviceCode }),
        querystring: z.object({
          ...currentGeographyRunQuery,
          icb: icbCode
            .optional()
            .describe("An ICB's ODS code: add its spend per head on the service beside its region and similar ICBs."),
        }),
        response: { 200: serviceTrendAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const answer = await rememberedFor(answers, request, reply, async () =>
        serviceTrend(ws, (await readRunContext(ws, request.query)).dataset, request.params.code, request.query.icb),
      );
      return sendAnswer(request, reply, answer);
    },
  );
};
