// Segmentation, delegation and tiering: the segmentation matrix, the outcome board and one service's tiering
// evidence; Excel / CSV of each. Everyone signed in reads. Exercises and their changes are in
// delegation-exercises.ts; commissioning models in commissioning-models.ts.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  exerciseName,
  matrixAnswer,
  outcomesAnswer,
  serviceTieringAnswer,
} from '../../core/delegation/delegation-answers.ts';
import { fail } from '../../core/errors.ts';
import { delegationTables } from '../../data/delegation/delegation-tables.ts';
import { listExercises } from '../../data/delegation/exercises.ts';
import {
  chooseExercise,
  matrixTables,
  segmentationMatrix,
  storedResult,
} from '../../data/delegation/segmentation-matrix.ts';
import { serviceTiering, serviceTieringTables } from '../../data/delegation/service-tiering.ts';
import { sendAnswer } from '../answer-cache.ts';
import { guard } from '../auth/guard.ts';
import { sendExport } from '../export-reply.ts';
import { errorBody, format, serviceCode } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const exerciseQuery = z.object({
  exercise: exerciseName.optional().describe('Exercise name; default the most recent one.'),
  format: format.optional(),
});

export const delegationRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/delegation/matrix',
    {
      onRequest: guard(context),
      schema: {
        summary: 'The segmentation matrix: services × factors, assessors side by side, suggested scores from the data',
        tags: ['delegation'],
        querystring: exerciseQuery,
        response: { 200: matrixAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        async () => segmentationMatrix(ws, await chooseExercise(ws, request.query.exercise)),
        (matrix): z.infer<typeof matrixAnswer> => matrix,
      );
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(reply, asked, ['segmentation', answer.value.exercise ?? 'data'], matrixTables(answer.value));
      }
      return sendAnswer(request, reply, answer);
    },
  );

  r.get(
    '/delegation/outcomes',
    {
      onRequest: guard(context),
      schema: {
        summary: 'The outcome board: each service’s outcome and tier, and services and spend per outcome and tier',
        tags: ['delegation'],
        querystring: exerciseQuery,
        response: { 200: outcomesAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        async () => {
          const exercise = await chooseExercise(ws, request.query.exercise);
          return { exercise, exercises: await listExercises(ws), result: await storedResult(ws, exercise) };
        },
        ({ exercise, exercises, result }): z.infer<typeof outcomesAnswer> => ({
          exercise,
          exercises,
          result: result && {
            rows: result.rows.map(({ evidence, ...row }) => ({
              ...row,
              nationalPatients: evidence.nationalPatients,
              providers: evidence.providers,
              medianIcbMissProbability: evidence.medianIcbMissProbability,
              assessors: evidence.assessors,
            })),
            summary: result.summary,
            provenance: result.provenance,
          },
        }),
      );
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        const { exercise, result } = answer.value;
        if (!result) {
          fail('FP_DELEGATION_NOT_RUN', `The exercise ${JSON.stringify(exercise)} has no delegation results yet.`, {
            where: { parameter: 'exercise' },
            received: exercise ?? '',
            hint: 'Run the exercise first.',
          });
        }
        return sendExport(reply, asked, ['delegation', exercise], delegationTables(result));
      }
      return sendAnswer(request, reply, answer);
    },
  );

  r.get(
    '/delegation/services/:code',
    {
      onRequest: guard(context),
      schema: {
        summary: "One service's tiering: evidence per footprint, miss probability against population, answers",
        tags: ['delegation'],
        params: z.object({ code: serviceCode }),
        querystring: exerciseQuery,
        response: { 200: serviceTieringAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        async () => serviceTiering(ws, await chooseExercise(ws, request.query.exercise), request.params.code),
        (t): z.infer<typeof serviceTieringAnswer> => t,
      );
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(
          reply,
          asked,
          ['tiering', answer.value.service, answer.value.exercise],
          serviceTieringTables(answer.value),
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );
};
