// Segmentation, delegation and tiering: the segmentation matrix, the outcome board, one service's tiering
// evidence and the commissioning models timeline; Excel / CSV of each. Everyone signed in reads. Exercises and
// their changes are in delegation-exercises.ts; a commissioning model is changed by editors whose organisation
// covers every ICB of the footprint (the ICB itself, its region, or national), audited in its own transaction.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  exerciseName,
  matrixAnswer,
  outcomesAnswer,
  serviceTieringAnswer,
} from '../../core/delegation/delegation-answers.ts';
import { COMMISSIONING_MODELS, modelStatusFor } from '../../core/delegation/index.ts';
import { fail } from '../../core/errors.ts';
import { recordAudit } from '../../data/audit/record-audit.ts';
import { checkModelEntry, listModels, saveModel } from '../../data/delegation/commissioning-models.ts';
import { delegationTables } from '../../data/delegation/delegation-tables.ts';
import { listExercises } from '../../data/delegation/exercises.ts';
import {
  chooseExercise,
  matrixTables,
  segmentationMatrix,
  storedResult,
} from '../../data/delegation/segmentation-matrix.ts';
import { serviceTiering, serviceTieringTables } from '../../data/delegation/service-tiering.ts';
import { listFootprints } from '../../data/footprints.ts';
import { sendAnswer } from '../answer-cache.ts';
import { auditActorOf, guard, signedInUser } from '../auth/guard.ts';
import { footprintsInScope } from '../auth/scope.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { errorBody, format, serviceCode } from '../schemas.ts';
import { withBodyFields } from './delegation-body-fields.ts';
import type { RouteContext } from './route-context.ts';

const exerciseQuery = z.object({
  exercise: exerciseName.optional().describe('Exercise name; default the most recent one.'),
  format: format.optional(),
});
const modelEntry = z.object({
  serviceCode: z.string(),
  footprint: z.string(),
  financialYear: z.string(),
  model: z.enum(COMMISSIONING_MODELS),
  lead: z.string().nullable(),
  status: z.enum(['agreed', 'proposed']),
  source: z.string(),
});

const modelsAnswer = z.object({
  rows: z.array(modelEntry),
  footprints: z.array(z.object({ name: z.string(), kind: z.string(), canEdit: z.boolean() })),
  models: z.array(z.string()),
});

const modelInput = z.object({
  serviceCode,
  footprint: z.string().min(1).max(120),
  financialYear: z.string().min(1).max(10),
  model: z.string().min(1).max(40).describe(COMMISSIONING_MODELS.join(', ')),
  lead: z.string().max(120).nullable().optional(),
});

export const delegationRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const changer = guard(context, { role: 'editor', changes: true });
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

  r.get(
    '/delegation/models',
    {
      onRequest: guard(context),
      schema: {
        summary: 'Commissioning models per service × footprint × year, and which footprints you may edit',
        tags: ['delegation'],
        querystring: z.object({
          service: serviceCode.optional(),
          footprint: z.string().max(120).optional(),
          format: format.optional(),
        }),
        response: { 200: modelsAnswer, 400: errorBody, 401: errorBody },
      },
    },
    async (request, reply) => {
      const { service, footprint } = request.query;
      const rows = await listModels(ws, { service, footprint });
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(
          reply,
          asked,
          ['commissioning-models', service, footprint],
          [
            {
              name: 'Commissioning models',
              columns: [
                { key: 'serviceCode', header: 'Service code', kind: 'text' },
                { key: 'footprint', header: 'Footprint', kind: 'text' },
                { key: 'financialYear', header: 'Financial year', kind: 'text' },
                { key: 'model', header: 'Model', kind: 'text' },
                { key: 'lead', header: 'Lead', kind: 'text' },
                { key: 'status', header: 'Status', kind: 'text' },
                { key: 'source', header: 'Set by', kind: 'text' },
              ],
              rows: tableRows(rows),
            },
          ],
        );
      }
      const editable = await footprintsInScope(ws, signedInUser(request).organisation);
      const canEditAny = signedInUser(request).role !== 'viewer';
      return {
        rows,
        footprints: (await listFootprints(ws)).map((f) => ({
          name: f.name,
          kind: f.kind,
          canEdit: canEditAny && editable.has(f.name),
        })),
        models: [...COMMISSIONING_MODELS],
      };
    },
  );

  r.put(
    '/delegation/models',
    {
      onRequest: changer,
      schema: {
        summary:
          'Set where a service sits for a footprint and year (editors covering every ICB of the footprint); an ICB’s own entry is proposed until its region or national agrees it',
        tags: ['delegation'],
        body: modelInput,
        response: { 200: modelEntry, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const actor = signedInUser(request).organisation;
      const entry = {
        serviceCode: request.body.serviceCode,
        footprint: request.body.footprint,
        financialYear: request.body.financialYear,
        model: request.body.model as (typeof COMMISSIONING_MODELS)[number],
        lead: request.body.lead?.trim() || null,
      };
      await withBodyFields(() => checkModelEntry(ws, entry));
      if (!(await footprintsInScope(ws, actor)).has(entry.footprint)) {
        fail('FP_AUTH_FORBIDDEN', `${actor.name} cannot set commissioning models for ${entry.footprint}.`, {
          where: { parameter: 'organisation' },
          received: actor.code,
          accepted: 'an organisation covering every ICB of the footprint (the ICB, its region or national)',
        });
      }
      const by = auditActorOf(request);
      const saved = { ...entry, status: modelStatusFor(actor.type), source: by.actor };
      await ws.transaction(async () => {
        const [before] = await listModels(ws, { service: entry.serviceCode, footprint: entry.footprint }).then((all) =>
          all.filter((m) => m.financialYear === entry.financialYear),
        );
        await saveModel(ws, saved);
        await recordAudit(ws, {
          ...by,
          objectType: 'commissioning-model',
          objectId: `${entry.serviceCode}/${entry.footprint}/${entry.financialYear}`,
          action: before ? 'update' : 'create',
          before: before ?? null,
          after: saved,
        });
      });
      answers.clear();
      return saved;
    },
  );
};
