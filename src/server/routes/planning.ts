// Financial planning: stored scenarios (read by anyone signed in; added, replaced and removed by editors
// whose organisation covers the scenario's owner and every ICB it plans) and their plans, as JSON or as the
// finance workbook / CSV. Scenario problems name the field path as body.scenario.<path>.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FootprintError, fail } from '../../core/errors.ts';
import {
  type Plan,
  planAnswer,
  scenarioList,
  scenarioSummary,
  storedScenarioAnswer,
} from '../../core/planning/plan-answers.ts';
import { scenarioComparisonSchema } from '../../core/planning/scenario-comparison.ts';
import { comparisonTables, readScenarioComparison } from '../../data/planning/compare-scenarios.ts';
import { planJson, planRowsTable } from '../../data/planning/plan-tables.ts';
import { writePlanWorkbook } from '../../data/planning/plan-workbook.ts';
import { resolveScenario } from '../../data/planning/resolve-scenario.ts';
import {
  checkScenario,
  deleteScenario,
  getScenario,
  listScenarios,
  type StoredScenario,
  saveScenario,
} from '../../data/planning/scenario-store.ts';
import { planStoredScenario } from '../../data/planning/stored-plan.ts';
import { covers, findOrganisation, type Organisation } from '../../data/users/organisations.ts';
import type { Workspace } from '../../data/workspace.ts';
import { rememberedFor, sendAnswer, userScope } from '../answer-cache.ts';
import { guard, signedInUser } from '../auth/guard.ts';
import { sendExport, sendWorkbook } from '../export-reply.ts';
import { errorBody, format, noContent } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const scenarioInput = z.object({
  scenario: z.unknown().describe('The scenario as in docs/scenario.md.'),
  owner: z.string().min(1).max(20).optional().describe('Owning organisation; default yours.'),
  revision: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('When replacing: the revision you started from. A later save by someone else is a 409 conflict.'),
});

const auditActor = (user: { email: string; organisation: Organisation }) => ({
  actor: user.email,
  organisation: user.organisation.code,
});

/** A problem in the scenario names its field path as a request parameter. */
async function withFieldPaths<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const where = error instanceof FootprintError ? error.problem.where : undefined;
    if (error instanceof FootprintError && where?.field && !where.parameter) {
      throw new FootprintError({ ...error.problem, where: { ...where, parameter: `body.scenario.${where.field}` } });
    }
    throw error;
  }
}

/** Refuses a change unless the actor covers the owner and every ICB the scenario plans. */
async function checkCovers(
  ws: Workspace,
  actor: Organisation,
  ownerCode: string,
  json: unknown,
): Promise<Organisation> {
  const owner = await findOrganisation(ws, ownerCode);
  if (!owner) {
    fail('FP_AUTH_UNKNOWN_ORGANISATION', `There is no organisation ${JSON.stringify(ownerCode)}.`, {
      where: { parameter: 'body.owner' },
      received: ownerCode,
    });
  }
  const scenario = await withFieldPaths(() => checkScenario(ws, json));
  const { icbs } = await resolveScenario(ws, scenario);
  const outside: string[] = [];
  for (const icb of [owner.code, ...icbs]) {
    const target = icb === owner.code ? owner : await findOrganisation(ws, icb);
    if (!target || !covers(actor, target)) outside.push(icb);
  }
  if (outside.length > 0) {
    fail('FP_AUTH_FORBIDDEN', `${actor.name} cannot plan for ${outside.join(', ')}.`, {
      where: { parameter: 'organisation' },
      received: actor.code,
      accepted: `an organisation covering ${outside.join(', ')} (its region or national)`,
    });
  }
  return owner;
}

async function canChange(ws: Workspace, actor: Organisation, s: { owner: string }): Promise<boolean> {
  return covers(actor, (await findOrganisation(ws, s.owner)) ?? null);
}

async function forbidUnlessOwner(ws: Workspace, actor: Organisation, s: StoredScenario): Promise<void> {
  if (!(await canChange(ws, actor, s))) {
    fail('FP_AUTH_FORBIDDEN', `${actor.name} cannot change the scenario "${s.name}".`, {
      where: { parameter: 'organisation' },
      received: actor.code,
      accepted: `${s.owner}, its region or national`,
    });
  }
}

export const planningRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const name = z.object({ name: z.string().min(1).max(120) });

  r.get(
    '/planning/scenarios',
    {
      onRequest: guard(context),
      schema: {
        summary: 'Stored financial-planning scenarios',
        tags: ['planning'],
        response: { 200: scenarioList, 401: errorBody },
      },
    },
    async (request, reply) => {
      const actor = signedInUser(request).organisation;
      const answer = await rememberedFor(answers, request, reply, async () => {
        const rows = await listScenarios(ws);
        return { rows: await Promise.all(rows.map(async (s) => ({ ...s, canEdit: await canChange(ws, actor, s) }))) };
      });
      return sendAnswer(request, reply, answer);
    },
  );

  r.get(
    '/planning/scenarios/:name',
    {
      onRequest: guard(context),
      schema: {
        summary: 'One stored scenario, as JSON that would add it again',
        tags: ['planning'],
        params: name,
        response: { 200: storedScenarioAnswer, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const actor = signedInUser(request).organisation;
      const answer = await rememberedFor(answers, request, reply, async () => {
        const found = await getScenario(ws, request.params.name);
        return { ...found, canEdit: await canChange(ws, actor, found) } as z.infer<typeof storedScenarioAnswer>;
      });
      return sendAnswer(request, reply, answer);
    },
  );

  r.post(
    '/planning/scenarios',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary: 'Add a scenario (editors covering its owner and every ICB it plans)',
        tags: ['planning'],
        body: scenarioInput,
        response: { 201: scenarioSummary, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      const owner = await checkCovers(
        ws,
        user.organisation,
        request.body.owner ?? user.organisation.code,
        request.body.scenario,
      );
      const saved = await withFieldPaths(() =>
        saveScenario(ws, request.body.scenario, { owner: owner.code, by: auditActor(user) }),
      );
      answers.clear();
      return reply.code(201).send({ ...saved, canEdit: true });
    },
  );

  r.put(
    '/planning/scenarios/:name',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary: 'Replace a stored scenario (its name may change; its revision goes up)',
        tags: ['planning'],
        params: name,
        body: scenarioInput,
        response: {
          200: scenarioSummary,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
          409: errorBody,
        },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      const existing = await getScenario(ws, request.params.name);
      await forbidUnlessOwner(ws, user.organisation, existing);
      const owner = await checkCovers(
        ws,
        user.organisation,
        request.body.owner ?? existing.owner,
        request.body.scenario,
      );
      const incoming = request.body.scenario as { name?: unknown };
      if (typeof incoming?.name === 'string' && incoming.name.toLowerCase() !== existing.name.toLowerCase()) {
        fail('FP_HTTP_BAD_REQUEST', 'The scenario in the body has a different name from the one in the address.', {
          where: { parameter: 'body.scenario.name' },
          received: incoming.name,
          accepted: existing.name,
        });
      }
      const saved = await withFieldPaths(() =>
        saveScenario(ws, request.body.scenario, {
          owner: owner.code,
          by: auditActor(user),
          replace: true,
          revision: request.body.revision,
        }),
      );
      answers.clear();
      return { ...saved, canEdit: true };
    },
  );

  r.delete(
    '/planning/scenarios/:name',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary: 'Remove a stored scenario and its stored plan',
        tags: ['planning'],
        params: name,
        response: { 204: noContent, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      const existing = await getScenario(ws, request.params.name);
      await forbidUnlessOwner(ws, user.organisation, existing);
      await deleteScenario(ws, existing.name, auditActor(user));
      answers.clear();
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/planning/scenarios/:name/plan',
    {
      onRequest: guard(context),
      schema: {
        summary: 'The plan of a stored scenario: rows by unit and year, savings, convergence, risk share',
        tags: ['planning'],
        params: name,
        querystring: z.object({ format: format.optional() }),
        response: { 200: planAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    // Remembered per organisation and role while the workspace is unchanged: planning a scenario groups its
    // base year and runs every unit's plan, and the stored plan it writes is written only when it differs.
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        () => withFieldPaths(() => planStoredScenario(ws, request.params.name)),
        ({ result }) => planJson(result) as unknown as Plan,
        userScope(request),
      );
      const { stored: s, result } = answer.value;
      const asked = request.query.format;
      if (asked === 'xlsx')
        return sendWorkbook(reply, ['plan', s.name], (file) => writePlanWorkbook(result, s.scenario, file));
      if (asked === 'csv') return sendExport(reply, 'csv', ['plan', s.name], [planRowsTable(result)]);
      return sendAnswer(request, reply, answer);
    },
  );

  r.get(
    '/planning/compare',
    {
      onRequest: guard(context),
      schema: {
        summary: 'Two or three stored scenarios side by side for a unit they share: key figures and gap by year',
        tags: ['planning'],
        querystring: z.object({
          s: z.union([z.string().min(1).max(80), z.array(z.string().min(1).max(80))]),
          unit: z.string().min(1).max(90).optional(),
          format: format.optional(),
        }),
        response: { 200: scenarioComparisonSchema, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const names = [request.query.s].flat();
      const answer = await rememberedFor(answers, request, reply, () =>
        withFieldPaths(() => readScenarioComparison(ws, names, request.query.unit)),
      );
      const comparison = answer.value;
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(reply, asked, ['comparison', ...comparison.scenarios], comparisonTables(comparison));
      }
      return sendAnswer(request, reply, answer);
    },
  );
};
