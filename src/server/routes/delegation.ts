// Segmentation, delegation and tiering: exercises, the segmentation matrix, the outcome board, one
// service's tiering evidence and the commissioning models timeline; Excel / CSV of each. Everyone signed in
// reads. Exercises (creating one, entering assessments, reconciling, review comments, running) are changed
// by regional and national editors; a commissioning model by editors whose organisation covers every ICB of
// the footprint (the ICB itself, its region, or national). Every change is audited in its own transaction.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SEGMENTATION_LEVELS } from '../../core/definitions/segmentation-rubric.ts';
import {
  exercisesAnswer,
  matrixAnswer,
  outcomesAnswer,
  serviceTieringAnswer,
  summaryGroup,
} from '../../core/delegation/delegation-answers.ts';
import { COMMISSIONING_MODELS, DELEGATION_OUTCOMES, modelStatusFor } from '../../core/delegation/index.ts';
import { FootprintError, fail } from '../../core/errors.ts';
import { recordAudit } from '../../data/audit/record-audit.ts';
import { checkModelEntry, listModels, saveModel } from '../../data/delegation/commissioning-models.ts';
import { delegationTables } from '../../data/delegation/delegation-tables.ts';
import { ENTERED, enterAssessment } from '../../data/delegation/enter-assessment.ts';
import { checkName, listExercises, saveExercise } from '../../data/delegation/exercises.ts';
import { addReviewComment, reconcileOutcome } from '../../data/delegation/reconcile.ts';
import { loadRubrics } from '../../data/delegation/rubrics.ts';
import { runDelegation } from '../../data/delegation/run-delegation.ts';
import {
  chooseExercise,
  matrixTables,
  segmentationMatrix,
  storedResult,
} from '../../data/delegation/segmentation-matrix.ts';
import { serviceTiering, serviceTieringTables } from '../../data/delegation/service-tiering.ts';
import { simulateInWorkers } from '../../data/delegation/volatility-workers.ts';
import { listFootprints } from '../../data/footprints.ts';
import { chooseYear, readRunContext } from '../../data/queries/run-context.ts';
import type { Organisation } from '../../data/users/organisations.ts';
import { sendAnswer } from '../answer-cache.ts';
import { auditActorOf, guard, signedInUser } from '../auth/guard.ts';
import { footprintsInScope } from '../auth/scope.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { errorBody, format, serviceCode } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const exerciseName = z.string().min(1).max(80);
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

/** A problem the data layer names by field (or by row and field of the entered answers, or as the assessor
 * parameter) names the request body's field instead, so the page can point at it. */
async function withBodyFields<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof FootprintError)) throw error;
    const where = error.problem.where;
    let parameter: string | undefined;
    if (where?.file === ENTERED && where.row !== undefined) {
      parameter = where.field === 'service' ? 'body.serviceCode' : `body.answers[${where.row - 1}].${where.field}`;
    } else if (where?.field && !where.parameter) parameter = `body.${where.field}`;
    else if (where?.parameter === 'assessor') parameter = 'body.assessor';
    else if (where?.parameter === 'exercise' && error.problem.code === 'FP_ASSESS_BAD_NAME') parameter = 'body.name';
    if (!parameter) throw error;
    throw new FootprintError({ ...error.problem, where: { ...where, parameter } });
  }
}

/** Exercises are run by the regions and national: an ICB editor cannot change one. */
function forbidUnlessAssessor(actor: Organisation): void {
  if (actor.type === 'icb') {
    fail('FP_AUTH_FORBIDDEN', `${actor.name} cannot change a segmentation or delegation exercise.`, {
      where: { parameter: 'organisation' },
      received: actor.code,
      accepted: 'a region or national',
    });
  }
}

export const delegationRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const changer = guard(context, { role: 'editor', changes: true });
  const exerciseParams = z.object({ name: exerciseName });

  r.get(
    '/delegation/exercises',
    {
      onRequest: guard(context),
      schema: {
        summary:
          'Segmentation and delegation exercises, the rubrics a new one starts from, and whether you may change them',
        tags: ['delegation'],
        response: {
          200: exercisesAnswer,
          401: errorBody,
        },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      return {
        rows: await listExercises(ws),
        defaultRubrics: await loadRubrics(ws),
        canChange: user.role !== 'viewer' && user.organisation.type !== 'icb',
      };
    },
  );

  r.post(
    '/delegation/exercises',
    {
      onRequest: changer,
      schema: {
        summary: 'Start an exercise under the shipped rubrics (regional and national editors)',
        tags: ['delegation'],
        body: z.object({ name: exerciseName }),
        response: {
          201: z.object({ name: z.string() }),
          400: errorBody,
          401: errorBody,
          403: errorBody,
          409: errorBody,
        },
      },
    },
    async (request, reply) => {
      forbidUnlessAssessor(signedInUser(request).organisation);
      const name = await withBodyFields(() => checkName('exercise', request.body.name));
      if (await ws.one('SELECT name FROM assessment_exercise WHERE lower(name) = lower($1)', [name])) {
        fail('FP_EXERCISE_EXISTS', `There is already an exercise called ${JSON.stringify(name)}.`, {
          where: { parameter: 'body.name' },
          received: name,
        });
      }
      const rubrics = await loadRubrics(ws);
      const by = auditActorOf(request);
      await ws.transaction(async () => {
        await saveExercise(ws, name, rubrics, by.actor);
        await recordAudit(ws, {
          ...by,
          objectType: 'exercise',
          objectId: name,
          action: 'create',
          before: null,
          after: {
            segmentationRubric: `${rubrics.segmentation.id}@${rubrics.segmentation.version}`,
            delegationRubric: `${rubrics.delegation.id}@${rubrics.delegation.version}`,
          },
        });
      });
      answers.clear();
      return reply.code(201).send({ name });
    },
  );

  r.put(
    '/delegation/exercises/:name/assessments',
    {
      onRequest: changer,
      schema: {
        summary: "Enter one assessor's scores and answers on one service (replaces theirs on it)",
        tags: ['delegation'],
        params: exerciseParams,
        body: z.object({
          assessor: z.string().min(1).max(80),
          serviceCode,
          answers: z
            .array(
              z.object({
                item: z.string().min(1).max(80).describe('A factor id or a criterion id of the exercise’s rubrics.'),
                answer: z.string().min(1).max(20).describe('1–5 for a factor; meets, partly or does-not-meet.'),
                evidence: z.string().max(2000).nullable().optional(),
              }),
            )
            .min(1)
            .max(50),
        }),
        response: {
          200: z.object({ rows: z.number() }),
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request) => {
      forbidUnlessAssessor(signedInUser(request).organisation);
      const done = await withBodyFields(() =>
        enterAssessment(ws, { exercise: request.params.name, ...request.body }, auditActorOf(request)),
      );
      answers.clear();
      return done;
    },
  );

  r.post(
    '/delegation/exercises/:name/reconciled',
    {
      onRequest: changer,
      schema: {
        summary: "Record a service's reconciled outcome, with the rationale and who agreed it",
        tags: ['delegation'],
        params: exerciseParams,
        body: z.object({
          serviceCode,
          outcome: z.string().min(1).max(40).describe(DELEGATION_OUTCOMES.join(', ')),
          level: z.string().max(40).nullable().optional().describe(SEGMENTATION_LEVELS.join(', ')),
          rationale: z.string().max(2000),
          agreedBy: z.string().max(200),
        }),
        response: {
          200: z.object({ ok: z.literal(true) }),
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request) => {
      forbidUnlessAssessor(signedInUser(request).organisation);
      await withBodyFields(() =>
        reconcileOutcome(
          ws,
          { exercise: request.params.name, ...request.body, level: request.body.level ?? null },
          auditActorOf(request),
        ),
      );
      answers.clear();
      return { ok: true as const };
    },
  );

  r.post(
    '/delegation/exercises/:name/comments',
    {
      onRequest: changer,
      schema: {
        summary: 'Attach a review comment (e.g. from a programme of care board) to a service in the exercise',
        tags: ['delegation'],
        params: exerciseParams,
        body: z.object({
          serviceCode,
          author: z.string().trim().min(1).max(200),
          body: z.string().trim().min(1).max(4000),
        }),
        response: {
          201: z.object({ ok: z.literal(true) }),
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request, reply) => {
      forbidUnlessAssessor(signedInUser(request).organisation);
      const known = await ws.one('SELECT 1 AS x FROM service WHERE is_current AND service_code = $1', [
        request.body.serviceCode,
      ]);
      if (!known) {
        fail('FP_ASSESS_UNKNOWN_SERVICE', 'The service code is not in the services catalogue.', {
          where: { parameter: 'body.serviceCode' },
          received: request.body.serviceCode,
          accepted: 'a current service code',
        });
      }
      await addReviewComment(ws, { exercise: request.params.name, ...request.body }, auditActorOf(request));
      answers.clear();
      return reply.code(201).send({ ok: true as const });
    },
  );

  r.post(
    '/delegation/exercises/:name/run',
    {
      onRequest: changer,
      schema: {
        summary: 'Run the exercise: outcomes, tiers from the data, the summary, proposed commissioning models',
        tags: ['delegation'],
        params: exerciseParams,
        body: z
          .object({ financialYear: z.string().max(10).optional().describe('Evidence year; default the latest.') })
          .optional(),
        response: {
          200: z.object({ exercise: z.string(), byOutcome: z.array(summaryGroup), byTier: z.array(summaryGroup) }),
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request) => {
      forbidUnlessAssessor(signedInUser(request).organisation);
      const year = chooseYear(await readRunContext(ws), request.body?.financialYear, 'body.financialYear');
      const result = await runDelegation(ws, {
        exercise: request.params.name,
        by: auditActorOf(request),
        financialYear: year ?? undefined,
        simulate: simulateInWorkers,
      });
      answers.clear();
      return { exercise: result.exercise, byOutcome: result.summary.byOutcome, byTier: result.summary.byTier };
    },
  );

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
