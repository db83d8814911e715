// Commissioning models: for every service × footprint, year by year over the plan horizon, the model the
// delegation status proposes (joint committee named, lead ICB named) beside what a person has recorded.
// Everyone signed in reads; editors set a model for footprints whose every ICB their organisation covers,
// and what an ICB sets is its proposal until its region or national agrees it. Every change is audited.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  COMMISSIONING_MODEL_COLUMNS,
  type CommissioningModel,
  commissioningModelInput,
  commissioningModelsAnswer,
  modelStatusFor,
  recordedModel,
} from '../../core/delegation/index.ts';
import { fail } from '../../core/errors.ts';
import { recordAudit } from '../../data/audit/record-audit.ts';
import {
  checkModelEntry,
  commissioningModelRows,
  commissioningModels,
  listModels,
  saveModel,
} from '../../data/delegation/commissioning-models.ts';
import { sendAnswer } from '../answer-cache.ts';
import { auditActorOf, guard, signedInUser } from '../auth/guard.ts';
import { footprintsInScope } from '../auth/scope.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { currentGeographyRunQuery, errorBody, format, serviceCode } from '../schemas.ts';
import { withBodyFields } from './delegation-body-fields.ts';
import type { RouteContext } from './route-context.ts';

export const commissioningModelRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/delegation/models',
    {
      onRequest: guard(context),
      schema: {
        summary:
          'Commissioning models per service × footprint, year by year over the plan horizon: the model the delegation status proposes and what is recorded, and which footprints you may edit',
        tags: ['delegation'],
        querystring: z.object({
          ...currentGeographyRunQuery,
          service: serviceCode.optional(),
          footprint: z.string().max(120).optional(),
          format: format.optional(),
        }),
        response: { 200: commissioningModelsAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      const { service, footprint } = request.query;
      // Which footprints the asker may edit is part of the answer, so it is remembered per organisation and role.
      const answer = await answers.answer(
        request,
        reply,
        async () =>
          commissioningModels(ws, {
            dataset: request.query.dataset,
            service,
            footprint,
            editable: user.role === 'viewer' ? new Set() : await footprintsInScope(ws, user.organisation),
          }),
        (value) => value,
        `${user.organisation.code}:${user.role}`,
      );
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(
          reply,
          asked,
          ['commissioning-models', service, footprint],
          [
            {
              name: 'Commissioning models',
              columns: [...COMMISSIONING_MODEL_COLUMNS],
              rows: tableRows(commissioningModelRows(answer.value)),
            },
          ],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );

  r.put(
    '/delegation/models',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary:
          'Set where a service sits for a footprint and year (editors covering every ICB of the footprint); an ICB’s own entry is proposed until its region or national agrees it',
        tags: ['delegation'],
        body: commissioningModelInput.extend({ serviceCode }),
        response: { 200: recordedModel, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const actor = signedInUser(request).organisation;
      const entry = {
        serviceCode: request.body.serviceCode,
        footprint: request.body.footprint,
        financialYear: request.body.financialYear,
        model: request.body.model,
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
      const saved = {
        ...entry,
        model: entry.model as CommissioningModel,
        status: modelStatusFor(actor.type),
        source: by.actor,
      };
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
