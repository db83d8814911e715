// Quality monitoring: GET /api/quality/kpis (every KPI with its SPC icons and escalation status), GET
// /api/quality/kpis/:id (one KPI's XmR chart), GET /api/quality/derogations (the register), POST
// /api/quality/derogations (editors, for providers hosted in an ICB their organisation covers) and POST
// /api/quality/derogations/:id/status. Changes are audited in the same transaction.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../core/errors.ts';
import { DEROGATION_STATUSES } from '../../core/quality/index.ts';
import { derogationRow, derogationsAnswer, kpiAnswer, kpisAnswer } from '../../core/quality/quality-answers.ts';
import {
  addDerogation,
  derogationProvider,
  findDerogation,
  listDerogations,
  setDerogationStatus,
} from '../../data/quality/derogations.ts';
import { readEscalationRules } from '../../data/quality/escalation-rules-file.ts';
import { readKpi, readKpis } from '../../data/quality/kpi-store.ts';
import { derogationTable, kpiSummary, kpiTable } from '../../data/quality/quality-tables.ts';
import { covers, findOrganisation, type Organisation } from '../../data/users/organisations.ts';
import { rememberedFor, sendAnswer } from '../answer-cache.ts';
import { guard, signedInUser } from '../auth/guard.ts';
import { sendExport } from '../export-reply.ts';
import { errorBody, format } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const DERIVATION =
  'Each KPI’s monthly values are drawn on an XmR chart (Making Data Count: limits at the mean ± 2.66 × the average moving range, moving-range outliers screened; four special-cause rules). The escalation status is the first level of the KPI’s rule set in definitions/kpi-escalation.json whose condition holds.';

function rulesSummary() {
  const rules = readEscalationRules();
  return { version: rules.version, owner: rules.owner, reviewed: rules.reviewed, nextReview: rules.nextReview };
}

/** A derogation belongs with the provider's host ICB: the actor's organisation must cover it. */
async function checkCoversProvider(context: RouteContext, actor: Organisation, providerCode: string): Promise<void> {
  const provider = await derogationProvider(context.ws, providerCode);
  const host = provider.hostIcb ? ((await findOrganisation(context.ws, provider.hostIcb)) ?? null) : null;
  if (!covers(actor, host)) {
    fail(
      'FP_AUTH_FORBIDDEN',
      `${actor.name} cannot record derogations for ${provider.code}, hosted in ${provider.hostIcb ?? 'no ICB'}.`,
      {
        where: { parameter: 'organisation' },
        received: actor.code,
        accepted: host ? `${host.code}, its region or national` : 'national',
      },
    );
  }
}

export const qualityRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/quality/kpis',
    {
      onRequest: guard(context),
      schema: {
        summary: 'Every quality KPI with its latest value, SPC icons and escalation status',
        tags: ['quality'],
        querystring: z.object({ status: z.string().max(40).optional(), format: format.optional() }),
        response: { 200: kpisAnswer, 401: errorBody },
      },
    },
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        async () =>
          (await readKpis(ws)).filter((k) => !request.query.status || k.assessment.status === request.query.status),
        (kpis): z.infer<typeof kpisAnswer> => ({
          rows: kpis.map(kpiSummary),
          rules: rulesSummary(),
          derivation: DERIVATION,
        }),
      );
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv')
        return sendExport(reply, asked, ['quality-kpis'], [kpiTable(answer.value)]);
      return sendAnswer(request, reply, answer);
    },
  );

  r.get(
    '/quality/kpis/:id',
    {
      onRequest: guard(context),
      schema: {
        summary: 'One KPI: its monthly values on an XmR chart with the special-cause rules applied',
        tags: ['quality'],
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: kpiAnswer, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        () => readKpi(ws, request.params.id),
        (kpi): z.infer<typeof kpiAnswer> => ({
          kpi: kpiSummary(kpi),
          points: (kpi.assessment.spc?.points ?? []).map((p) => ({
            period: String(p.x),
            value: p.y,
            mean: p.mean,
            lpl: p.lpl,
            upl: p.upl,
            specialCauseType: p.specialCauseType,
            pointType: p.pointType,
          })),
          warnings: (kpi.assessment.spc?.warnings ?? []).map((w) => ({ code: w.code, message: w.message })),
          rules: rulesSummary(),
          derivation: DERIVATION,
        }),
      );
      return sendAnswer(request, reply, answer);
    },
  );

  r.get(
    '/quality/derogations',
    {
      onRequest: guard(context),
      schema: {
        summary: 'The derogation register: providers not yet compliant with a service specification',
        tags: ['quality'],
        querystring: z.object({ format: format.optional() }),
        response: { 200: derogationsAnswer, 401: errorBody },
      },
    },
    async (request, reply) => {
      const asOf = new Date().toISOString().slice(0, 10);
      // Remembered per day (what has expired depends on it) while the workspace is unchanged.
      const answer = await rememberedFor(
        answers,
        request,
        reply,
        async () => ({ rows: await listDerogations(ws, { asOf }), asOf }),
        asOf,
      );
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv')
        return sendExport(reply, asked, ['derogations'], [derogationTable(answer.value.rows)]);
      return sendAnswer(request, reply, answer);
    },
  );

  r.post(
    '/quality/derogations',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary: 'Record a derogation (editors, for providers hosted in an ICB your organisation covers)',
        tags: ['quality'],
        body: z.object({
          providerCode: z.string().min(1).max(12),
          serviceCode: z.string().min(1).max(80),
          clause: z.string().min(1).max(500),
          agreedDate: z.string().max(10),
          status: z.enum(DEROGATION_STATUSES).optional(),
          notes: z.string().max(2000).nullable().optional(),
        }),
        response: { 201: derogationRow, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      await checkCoversProvider(context, user.organisation, request.body.providerCode);
      const made = await addDerogation(ws, request.body, { actor: user.email, organisation: user.organisation.code });
      answers.clear();
      return reply.code(201).send(made);
    },
  );

  r.post(
    '/quality/derogations/:id/status',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary: 'Change a derogation’s status: open, compliant or withdrawn',
        tags: ['quality'],
        params: z.object({ id: z.coerce.number().int().min(1) }),
        body: z.object({ status: z.enum(DEROGATION_STATUSES) }),
        response: { 200: derogationRow, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      const found = await findDerogation(ws, request.params.id);
      await checkCoversProvider(context, user.organisation, found.providerCode);
      const changed = await setDerogationStatus(ws, found.id, request.body.status, {
        actor: user.email,
        organisation: user.organisation.code,
      });
      answers.clear();
      return reply.send(changed);
    },
  );
};
