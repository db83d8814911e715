// The occasional practice report: per service, the providers under its minimum annual volume in recorded
// patients, with their activity and the ICBs they serve, named. Everyone signed in reads; the providers listed
// are those treating residents of the reader's organisation (an ICB: its own; a region: its ICBs; national:
// England), each with its national volume and every ICB it serves, as the tiering evidence shows them.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  OCCASIONAL_PRACTICE_COLUMNS,
  occasionalPracticeAnswer,
  occasionalPracticeRows,
} from '../../core/delegation/occasional-practice-report.ts';
import { occasionalPractice } from '../../data/delegation/occasional-practice.ts';
import { coveredCodes } from '../../data/users/organisations.ts';
import { sendAnswer } from '../answer-cache.ts';
import { guard, signedInUser } from '../auth/guard.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { currentGeographyRunQuery, errorBody, financialYear, format, serviceCode } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

export const occasionalPracticeRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/delegation/occasional-practice',
    {
      onRequest: guard(context),
      schema: {
        summary:
          'Per service, the providers under its minimum annual volume in patients, with their activity and the ICBs they serve; those treating your organisation’s residents',
        tags: ['delegation'],
        querystring: z.object({
          ...currentGeographyRunQuery,
          year: financialYear.optional(),
          service: serviceCode.optional(),
          format: format.optional(),
        }),
        response: { 200: occasionalPracticeAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const organisation = signedInUser(request).organisation;
      const answer = await answers.answer(
        request,
        reply,
        async () =>
          occasionalPractice(ws, {
            dataset: request.query.dataset,
            year: request.query.year,
            service: request.query.service,
            icbs: await coveredCodes(ws, organisation),
            scope: organisation.type === 'national' ? 'England' : organisation.name,
          }),
        (value) => value,
        organisation.code,
      );
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(
          reply,
          asked,
          ['occasional-practice', request.query.service, answer.value.financialYear],
          [
            {
              name: 'Occasional practice',
              columns: [...OCCASIONAL_PRACTICE_COLUMNS],
              rows: tableRows(occasionalPracticeRows(answer.value.rows)),
            },
          ],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );
};
