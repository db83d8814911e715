// Segmentation and delegation exercises: the list with the rubrics a new one starts from, and the changes
// regional and national editors make (creating one, entering assessments, reconciling, review comments,
// running). Every change is audited in its own transaction.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SEGMENTATION_LEVELS } from '../../core/definitions/segmentation-rubric.ts';
import { exerciseName, exercisesAnswer, summaryGroup } from '../../core/delegation/delegation-answers.ts';
import { DELEGATION_OUTCOMES } from '../../core/delegation/index.ts';
import { fail } from '../../core/errors.ts';
import { recordAudit } from '../../data/audit/record-audit.ts';
import { enterAssessment } from '../../data/delegation/enter-assessment.ts';
import { checkName, exerciseExists, listExercises, saveExercise } from '../../data/delegation/exercises.ts';
import { addReviewComment, reconcileOutcome } from '../../data/delegation/reconcile.ts';
import { loadRubrics } from '../../data/delegation/rubrics.ts';
import { runDelegation } from '../../data/delegation/run-delegation.ts';
import { simulateInWorkers } from '../../data/delegation/volatility-workers.ts';
import { chooseYear, readRunContext } from '../../data/queries/run-context.ts';
import { isCurrentService } from '../../data/queries/services-catalogue.ts';
import { sendAnswer, userScope } from '../answer-cache.ts';
import { auditActorOf, guard, signedInUser } from '../auth/guard.ts';
import { forbidUnlessAssessor } from '../auth/scope.ts';
import { errorBody, financialYear, serviceCode } from '../schemas.ts';
import { withBodyFields } from './delegation-body-fields.ts';
import type { RouteContext } from './route-context.ts';

export const delegationExerciseRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
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
    // Remembered per organisation and role (what may be changed depends on them) while the workspace is unchanged.
    async (request, reply) => {
      const user = signedInUser(request);
      const answer = await context.answers.answer(
        request,
        reply,
        async () => ({
          rows: await listExercises(ws),
          defaultRubrics: await loadRubrics(ws),
          canChange: user.role !== 'viewer' && user.organisation.type !== 'icb',
        }),
        (value) => value,
        userScope(request),
      );
      return sendAnswer(request, reply, answer);
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
      if (await exerciseExists(ws, name)) {
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
      if (!(await isCurrentService(ws, request.body.serviceCode))) {
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
          .object({ financialYear: financialYear.optional().describe('Evidence year; default the latest.') })
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
};
