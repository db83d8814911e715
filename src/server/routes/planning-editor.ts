// What the scenario editor needs besides the scenarios themselves: the shipped templates to start from,
// the codes a scheme's scope and the base year may take, and a check that reports every problem with a
// draft (field paths as body.scenario.<path>, like a refused save) without storing anything.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planningChoices, scenarioProblem, scenarioTemplates } from '../../core/planning/plan-answers.ts';
import { currentDataset } from '../../data/datasets/current-dataset.ts';
import { readPlanningChoices } from '../../data/planning/planning-choices.ts';
import { scenarioProblems } from '../../data/planning/scenario-problems.ts';
import { listScenarioTemplates } from '../../data/planning/scenario-templates.ts';
import { rememberedFor, sendAnswer } from '../answer-cache.ts';
import { guard } from '../auth/guard.ts';
import { errorBody } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

export const planningEditorRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/planning/templates',
    {
      onRequest: guard(context),
      schema: {
        summary: 'Shipped scenario templates (definitions/scenarios) to start a scenario from',
        tags: ['planning'],
        response: {
          200: scenarioTemplates,
          401: errorBody,
        },
      },
    },
    async (request, reply) =>
      sendAnswer(
        request,
        reply,
        await rememberedFor(context.answers, request, reply, async () => ({ rows: listScenarioTemplates() })),
      ),
  );

  r.get(
    '/planning/choices',
    {
      onRequest: guard(context),
      schema: {
        summary: 'Base years with activity, ICBs, footprints, providers, services and pods a scenario may name',
        tags: ['planning'],
        response: {
          200: planningChoices,
          401: errorBody,
        },
      },
    },
    // Remembered while the workspace is unchanged.
    async (request, reply) =>
      sendAnswer(
        request,
        reply,
        await rememberedFor(context.answers, request, reply, async () =>
          readPlanningChoices(ws, await currentDataset(ws)),
        ),
      ),
  );

  r.post(
    '/planning/scenarios/check',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary: 'Every problem with a draft scenario, checked as a save would be; nothing is stored',
        tags: ['planning'],
        body: z.object({ scenario: z.unknown().describe('The scenario as in docs/scenario.md.') }),
        response: {
          200: z.object({ problems: z.array(scenarioProblem) }),
          400: errorBody,
          401: errorBody,
          403: errorBody,
        },
      },
    },
    async (request) => {
      const problems = await scenarioProblems(ws, request.body.scenario);
      return {
        problems: problems.map((p) => ({
          code: p.code,
          message: p.message,
          where: { field: p.where?.field, parameter: p.where?.field ? `body.scenario.${p.where.field}` : undefined },
          received: p.received,
          accepted: p.accepted,
        })),
      };
    },
  );
};
