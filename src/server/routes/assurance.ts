// Assurance and contracting: KLOE review rounds (an ICB sees and answers its own reviews; a region reviews
// and moderates its ICBs'; national all), the ratings heat map, the commissioning intentions and
// contracts registers, the audit trail (read only: no route changes it) and the board pack. Answers here
// depend on who asks: the rounds, heat map, intentions and contracts are remembered per organisation (the
// only thing they depend on); the audit trail, which every change adds to, is read afresh.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONTRACT_TYPES, contract, controlTotalPosition, intention } from '../../core/assurance/contract-shapes.ts';
import { WORKSPACE_EVIDENCE } from '../../core/assurance/kloe-template.ts';
import { RATINGS } from '../../core/assurance/rating-scale.ts';
import {
  answer,
  attachment,
  type evidenceItem,
  heatMap,
  reviewDetail,
  reviewSubject,
  roundSummary,
  template,
} from '../../core/assurance/review-shapes.ts';
import { auditEventShape } from '../../core/audit/audit-event.ts';
import { fail } from '../../core/errors.ts';
import {
  addContract,
  contractRegister,
  findContract,
  setControlTotal,
  updateContract,
  withdrawContract,
} from '../../data/assurance/contracts.ts';
import { ratingHeatMap } from '../../data/assurance/heat-map.ts';
import {
  addIntention,
  addStarterIntentions,
  listIntentions,
  updateIntention,
  withdrawIntention,
} from '../../data/assurance/intentions.ts';
import { listKloeTemplates } from '../../data/assurance/kloe-templates.ts';
import { addAttachment, MAX_ATTACHMENT_BYTES, readAttachment } from '../../data/assurance/review-attachments.ts';
import { workspaceEvidence } from '../../data/assurance/review-evidence.ts';
import {
  createRound,
  listRounds,
  moderateQuestion,
  rateQuestion,
  readReview,
  visibleReviews,
} from '../../data/assurance/review-rounds.ts';
import { listAudit } from '../../data/audit/record-audit.ts';
import { readBoardPack } from '../../data/reports/board-pack.ts';
import { boardPackHtml } from '../../data/reports/board-pack-html.ts';
import { coveredCodes } from '../../data/users/organisations.ts';
import type { User } from '../../data/users/user-store.ts';
import { sendAnswer } from '../answer-cache.ts';
import { guard, signedInUser } from '../auth/guard.ts';
import {
  requireFootprintInScope,
  requireOrganisationInScope,
  requireOrganisationsInScope,
  requireOwnerCovered,
} from '../auth/scope.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { errorBody, financialYear, format, icbCode, noContent, serviceCode } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const rating = z.enum(RATINGS);
const id = z.string().regex(/^[A-Za-z0-9-]{1,80}$/, 'an id such as round-1a2b3c4d');
const questionId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a question id such as pooled-budgets');
const orgCode = z.string().min(1).max(20);
const providerCode = z.string().regex(/^[A-Za-z0-9]{3,9}$/, 'a provider ODS code such as RJ1');
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const changeErrors = { ...errors, 409: errorBody, 413: errorBody, 415: errorBody };

const intentionBody = z.object({
  title: z.string().trim().min(1).max(120),
  description: z.string().max(2000).default(''),
  owner: orgCode.optional().describe('Owning organisation; default yours.'),
  ownerName: z.string().trim().min(1).max(120).describe('The named lead, e.g. Director of Specialised Commissioning.'),
  services: z.array(serviceCode).max(200).default([]),
  providers: z.array(providerCode).max(200).default([]),
  measure: z.string().trim().min(1).max(200).describe('The measurable change, e.g. "follow-ups −20%".'),
  financialYear,
  measuredBy: z.string().max(200).nullable().default(null).describe('The QIPP scheme or KPI that measures it.'),
});
const money = z
  .union([z.number(), z.string().max(30)])
  .describe('Pounds with at most two decimal places, as a number or text such as "£1,250,000.50".');
const activityLine = z.object({ serviceCode, pod: z.string().min(1).max(20), activity: z.number().min(0) });
const qualityLine = z.object({
  kpi: z.string().trim().min(1).max(200),
  target: z.string().max(200),
  escalation: z.string().max(500),
  status: z.enum(['met', 'not-met']).nullable().default(null),
});
const contractBody = z.object({
  providerCode,
  financialYear,
  type: z.enum(CONTRACT_TYPES),
  partners: z.array(providerCode).max(50).default([]),
  leadCommissioner: orgCode.optional().describe('The commissioner holding the contract; default yours.'),
  commissioners: z.array(orgCode).max(60).default([]),
  systemName: z
    .string()
    .max(80)
    .nullable()
    .default(null)
    .describe('The footprint whose control total it counts against.'),
  services: z
    .array(z.object({ serviceCode, value: money }))
    .min(1)
    .max(300),
  activityPlan: z.array(activityLine).max(2000).default([]),
  qualitySchedule: z.array(qualityLine).max(200).default([]),
});
export const assuranceRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = guard(context);
  const change = guard(context, { role: 'editor', changes: true });

  r.get(
    '/assurance/templates',
    {
      onRequest: read,
      schema: {
        summary: 'KLOE templates (definitions/kloe), every version',
        tags: ['assurance'],
        response: { 200: z.object({ rows: z.array(template) }), 401: errorBody },
      },
    },
    async () => ({ rows: listKloeTemplates() }),
  );

  r.get(
    '/assurance/rounds',
    {
      onRequest: read,
      schema: {
        summary: 'Review rounds with reviews you can see, with progress',
        tags: ['assurance'],
        response: { 200: z.object({ rows: z.array(roundSummary) }), 401: errorBody },
      },
    },
    async (request, reply) => {
      const actor = signedInUser(request).organisation;
      const answer = await context.answers.answer(
        request,
        reply,
        async () => ({ rows: await listRounds(ws, actor) }),
        (value) => value,
        actor.code,
      );
      return sendAnswer(request, reply, answer);
    },
  );

  r.post(
    '/assurance/rounds',
    {
      onRequest: change,
      schema: {
        summary: 'Start a review round (region or national editors) over ICBs and footprints you cover',
        tags: ['assurance'],
        body: z.object({
          name: z.string().trim().min(1).max(120),
          templateId: z.string().max(60).optional(),
          templateVersion: z.number().int().min(1).optional(),
          icbs: z.array(icbCode).max(60).optional(),
          footprints: z.array(z.string().min(1).max(80)).max(60).optional(),
        }),
        response: { 201: roundSummary, ...changeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await createRound(ws, signedInUser(request), request.body)),
  );

  r.get(
    '/assurance/rounds/:id',
    {
      onRequest: read,
      schema: {
        summary: 'A review round and the reviews in it you can see',
        tags: ['assurance'],
        params: z.object({ id }),
        response: { 200: z.object({ round: roundSummary, reviews: z.array(reviewSubject) }), ...errors },
      },
    },
    async (request) => {
      const actor = signedInUser(request).organisation;
      const round = (await listRounds(ws, actor)).find((x) => x.id === request.params.id);
      if (!round) {
        fail('FP_ASSURANCE_ROUND_NOT_FOUND', `There is no review round ${request.params.id} you can see.`, {
          where: { parameter: 'id' },
          received: request.params.id,
        });
      }
      return { round, reviews: (await visibleReviews(ws, actor)).filter((v) => v.roundId === round.id) };
    },
  );

  r.get(
    '/assurance/reviews/:id',
    {
      onRequest: read,
      schema: {
        summary: 'A review: questions, ratings, evidence, moderation, and what the workspace knows',
        tags: ['assurance'],
        params: z.object({ id }),
        response: { 200: reviewDetail, ...errors },
      },
    },
    async (request) => {
      const review = await readReview(ws, signedInUser(request).organisation, request.params.id);
      const evidence: Record<string, z.infer<typeof evidenceItem>[]> = {};
      for (const q of review.template.questions) evidence[q.id] = await workspaceEvidence(ws, review, q.evidence);
      return { ...review, evidence };
    },
  );

  r.put(
    '/assurance/reviews/:id/questions/:question',
    {
      onRequest: change,
      schema: {
        summary: 'Rate a question with evidence (the ICB responding, or a reviewer covering it)',
        tags: ['assurance'],
        params: z.object({ id, question: questionId }),
        body: z.object({
          rating: z
            .string()
            .max(40)
            .describe(`One of ${RATINGS.join(', ')}.`),
          evidenceText: z.string().max(10_000).default(''),
          links: z.array(z.string().max(2000)).max(20).default([]),
          basedOn: z
            .string()
            .max(40)
            .nullable()
            .optional()
            .describe('reviewedAt of the rating you started from (null: none). A newer rating is a 409 conflict.'),
        }),
        response: { 200: answer, ...changeErrors },
      },
    },
    async (request) =>
      rateQuestion(ws, signedInUser(request), request.params.id, request.params.question, request.body),
  );

  r.post(
    '/assurance/reviews/:id/questions/:question/moderation',
    {
      onRequest: change,
      schema: {
        summary: 'Moderate a rating (a second reviewer, region or national): agree or change it, with a reason',
        tags: ['assurance'],
        params: z.object({ id, question: questionId }),
        body: z.object({
          rating: z
            .string()
            .max(40)
            .describe(`One of ${RATINGS.join(', ')}; the same rating to agree.`),
          reason: z.string().trim().min(1).max(4000),
        }),
        response: { 200: answer, ...changeErrors },
      },
    },
    async (request) =>
      moderateQuestion(ws, signedInUser(request), request.params.id, request.params.question, request.body),
  );

  r.post(
    '/assurance/reviews/:id/questions/:question/attachments',
    {
      onRequest: change,
      // Base64 is 4/3 of the file; the margin lets a file just over the limit get its own clear error.
      bodyLimit: Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) * 2,
      schema: {
        summary: `Attach an evidence file (PDF, PNG, JPEG, TXT, CSV, XLSX, DOCX; at most ${MAX_ATTACHMENT_BYTES} bytes)`,
        tags: ['assurance'],
        params: z.object({ id, question: questionId }),
        body: z.object({
          fileName: z.string().min(1).max(200),
          contentBase64: z.string().regex(/^[A-Za-z0-9+/=\s]*$/, 'base64 text'),
        }),
        response: { 201: attachment, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addAttachment(ws, signedInUser(request), request.params.id, request.params.question, request.body)),
  );

  r.get(
    '/assurance/reviews/:id/attachments/:attachment',
    {
      onRequest: read,
      schema: {
        summary: 'Download an evidence file',
        tags: ['assurance'],
        params: z.object({ id, attachment: id }),
        response: { ...errors },
      },
    },
    async (request, reply) => {
      const file = await readAttachment(ws, signedInUser(request), request.params.id, request.params.attachment);
      return (reply as FastifyReply)
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName.replaceAll('"', '')}"`)
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );

  r.get(
    '/assurance/heatmap',
    {
      onRequest: read,
      schema: {
        summary: 'Standing ratings by round, ICB and question, with a mean score per review',
        tags: ['assurance'],
        querystring: z.object({ round: id.optional(), format: format.optional() }),
        response: {
          200: heatMap,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const actor = signedInUser(request).organisation;
      const answer = await context.answers.answer(
        request,
        reply,
        () => ratingHeatMap(ws, actor, request.query.round),
        (value) => value,
        actor.code,
      );
      const map = answer.value;
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        const questions = [...new Set(map.rounds.flatMap((x) => x.questions.map((q) => q.id)))];
        return sendExport(
          reply,
          asked,
          ['kloe-ratings', request.query.round],
          [
            {
              name: 'KLOE ratings',
              columns: [
                { key: 'round', header: 'Round', kind: 'text' },
                { key: 'subject', header: 'ICB or footprint', kind: 'text' },
                ...questions.map((q) => ({ key: q, header: q, kind: 'text' as const })),
                { key: 'meanScore', header: 'Mean score (red 1 … green 4)', kind: 'number' },
              ],
              rows: map.rows.map((row) => ({
                round: map.rounds.find((x) => x.id === row.roundId)?.name ?? row.roundId,
                subject: row.subjectName,
                ...row.ratings,
                meanScore: row.meanScore,
              })),
            },
          ],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );

  r.get(
    '/assurance/intentions',
    {
      onRequest: read,
      schema: {
        summary: 'Commissioning intentions of your organisation and those it covers',
        tags: ['assurance'],
        querystring: z.object({ format: format.optional() }),
        response: { 200: z.object({ rows: z.array(intention) }), ...errors },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      const answer = await context.answers.answer(
        request,
        reply,
        async () => ({ rows: await listIntentions(ws, user) }),
        (value) => value,
        user.organisation.code,
      );
      const { rows } = answer.value;
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(
          reply,
          asked,
          ['commissioning-intentions'],
          [
            {
              name: 'Commissioning intentions',
              columns: [
                { key: 'financialYear', header: 'Year', kind: 'text' },
                { key: 'title', header: 'Intention', kind: 'text' },
                { key: 'owner', header: 'Owner', kind: 'text' },
                { key: 'ownerName', header: 'Lead', kind: 'text' },
                { key: 'measure', header: 'Measurable change', kind: 'text' },
                { key: 'measuredBy', header: 'Measured by', kind: 'text' },
                { key: 'services', header: 'Services', kind: 'text' },
                { key: 'providers', header: 'Providers', kind: 'text' },
              ],
              rows: tableRows(
                rows.map((i) => ({ ...i, services: i.services.join(' '), providers: i.providers.join(' ') })),
              ),
            },
          ],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );

  const intentionOf = (request: { body: z.infer<typeof intentionBody> }, owner: string) => ({
    ...request.body,
    owner: request.body.owner ?? owner,
  });

  r.post(
    '/assurance/intentions',
    {
      onRequest: change,
      schema: {
        summary: 'Add a commissioning intention for your organisation or one it covers',
        tags: ['assurance'],
        body: intentionBody,
        response: { 201: intention, ...changeErrors },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      return reply.code(201).send(await addIntention(ws, user, intentionOf(request, user.organisation.code)));
    },
  );

  r.put(
    '/assurance/intentions/:id',
    {
      onRequest: change,
      schema: {
        summary: 'Change a commissioning intention',
        tags: ['assurance'],
        params: z.object({ id }),
        body: intentionBody,
        response: { 200: intention, ...changeErrors },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      return updateIntention(ws, user, request.params.id, intentionOf(request, user.organisation.code));
    },
  );

  r.delete(
    '/assurance/intentions/:id',
    {
      onRequest: change,
      schema: {
        summary: 'Withdraw a commissioning intention (its owner, or an organisation covering it); audited',
        tags: ['assurance'],
        params: z.object({ id }),
        response: { 204: noContent, ...changeErrors },
      },
    },
    async (request, reply) => {
      await withdrawIntention(ws, signedInUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/assurance/intentions/starter',
    {
      onRequest: change,
      schema: {
        summary: 'Add the HIOW 2017–19 statement’s intentions for your organisation, to edit',
        tags: ['assurance'],
        body: z.object({ financialYear }),
        response: { 201: z.object({ rows: z.array(intention) }), ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ rows: await addStarterIntentions(ws, signedInUser(request), request.body.financialYear) }),
  );

  r.get(
    '/assurance/contracts',
    {
      onRequest: read,
      schema: {
        summary: 'Contracts your organisation is party to (or covers a party of), fragmentation and control totals',
        tags: ['assurance'],
        querystring: z.object({ format: format.optional() }),
        response: { 200: z.object({ rows: z.array(contract), positions: z.array(controlTotalPosition) }), ...errors },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      const answer = await context.answers.answer(
        request,
        reply,
        () => contractRegister(ws, user),
        ({ contracts, positions }) => ({ rows: contracts, positions }),
        user.organisation.code,
      );
      const { contracts, positions } = answer.value;
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(
          reply,
          asked,
          ['contracts'],
          [
            {
              name: 'Contracts',
              columns: [
                { key: 'financialYear', header: 'Year', kind: 'text' },
                { key: 'providerCode', header: 'Provider code', kind: 'text' },
                { key: 'providerName', header: 'Provider', kind: 'text' },
                { key: 'type', header: 'Type', kind: 'text' },
                { key: 'leadCommissioner', header: 'Lead commissioner', kind: 'text' },
                { key: 'commissioners', header: 'Commissioners', kind: 'text' },
                { key: 'systemName', header: 'System', kind: 'text' },
                { key: 'totalValue', header: 'Value (£)', kind: 'money' },
                { key: 'fragmentedServices', header: 'Services also under another contract', kind: 'text' },
              ],
              rows: tableRows(
                contracts.map((c) => ({
                  ...c,
                  commissioners: c.commissioners.join(' '),
                  fragmentedServices: c.fragmentedServices.join(' '),
                  partners: c.partners.join(' '),
                  services: c.services.map((s) => s.serviceCode).join(' '),
                  activityPlan: null,
                  qualitySchedule: null,
                })),
              ),
            },
            {
              name: 'Control totals',
              columns: [
                { key: 'systemName', header: 'System', kind: 'text' },
                { key: 'financialYear', header: 'Year', kind: 'text' },
                { key: 'controlTotal', header: 'Control total (£)', kind: 'money' },
                { key: 'contracted', header: 'Contracted (£)', kind: 'money' },
                { key: 'headroom', header: 'Headroom (£)', kind: 'money' },
              ],
              rows: tableRows(positions),
            },
          ],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );

  // Every organisation and the system a contract names must lie within the user's organisation: a contract
  // shows in each commissioner's register and counts against the system's control total.
  const contractOf = async (user: User, body: z.infer<typeof contractBody>) => {
    const lead = await requireOrganisationInScope(
      ws,
      user.organisation,
      body.leadCommissioner ?? user.organisation.code,
      'body.leadCommissioner',
    );
    await requireOrganisationsInScope(ws, user.organisation, body.commissioners, 'body.commissioners');
    const systemName =
      body.systemName === null
        ? null
        : await requireFootprintInScope(ws, user.organisation, body.systemName, 'body.systemName');
    return { ...body, leadCommissioner: lead.code, systemName };
  };
  /** A stored contract the user may correct or withdraw: one whose lead commissioner they cover. */
  const contractInScope = async (user: User, id: string) => {
    const found = await findContract(ws, user, id);
    await requireOwnerCovered(ws, user.organisation, found.leadCommissioner, `contract ${id}`, 'id');
  };

  r.post(
    '/assurance/contracts',
    {
      onRequest: change,
      schema: {
        summary: 'Add a contract held by your organisation (or one it covers)',
        tags: ['assurance'],
        body: contractBody,
        response: { 201: contract, ...changeErrors },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      return reply.code(201).send(await addContract(ws, user, await contractOf(user, request.body)));
    },
  );

  r.put(
    '/assurance/contracts/:id',
    {
      onRequest: change,
      schema: {
        summary: 'Change a contract (its lead commissioner, or an organisation covering it)',
        tags: ['assurance'],
        params: z.object({ id }),
        body: contractBody,
        response: { 200: contract, ...changeErrors },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      await contractInScope(user, request.params.id);
      return updateContract(ws, user, request.params.id, await contractOf(user, request.body));
    },
  );

  r.delete(
    '/assurance/contracts/:id',
    {
      onRequest: change,
      schema: {
        summary: 'Withdraw a contract (its lead commissioner, or an organisation covering it); audited',
        tags: ['assurance'],
        params: z.object({ id }),
        response: { 204: noContent, ...changeErrors },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      await contractInScope(user, request.params.id);
      await withdrawContract(ws, user, request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.put(
    '/assurance/control-totals',
    {
      onRequest: change,
      schema: {
        summary: 'Set a system’s control total for a year (editors covering every ICB of the footprint)',
        tags: ['assurance'],
        body: z.object({ systemName: z.string().min(1).max(80), financialYear, amount: money }),
        response: { 200: controlTotalPosition, ...changeErrors },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      await requireFootprintInScope(ws, user.organisation, request.body.systemName, 'body.systemName');
      return setControlTotal(ws, user, request.body);
    },
  );

  r.get(
    '/assurance/audit',
    {
      onRequest: read,
      schema: {
        summary:
          'The audit trail (read only), newest first: changes made by your organisation and those it covers, or every change to a review you can see',
        tags: ['assurance'],
        querystring: z.object({
          objectType: z
            .string()
            .regex(/^[a-z][a-z0-9-]{0,39}$/)
            .optional(),
          objectId: z.string().min(1).max(200).optional(),
          format: format.optional(),
        }),
        response: { 200: z.object({ rows: z.array(auditEventShape) }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = signedInUser(request).organisation;
      const { objectType, objectId } = request.query;
      // A review's history includes the region's ratings of an ICB's review, so anyone who can see the
      // review sees all of it; otherwise a user sees what their organisation and those it covers did.
      const wholeHistory = objectType === 'review' && objectId !== undefined;
      if (wholeHistory) await readReview(ws, actor, objectId);
      const organisations = wholeHistory ? null : await coveredCodes(ws, actor);
      const rows = await listAudit(ws, { objectType, objectId, organisations });
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(
          reply,
          asked,
          ['audit', objectType, objectId],
          [
            {
              name: 'Audit trail',
              columns: [
                { key: 'seq', header: 'Event', kind: 'number' },
                { key: 'at', header: 'When (UTC)', kind: 'text' },
                { key: 'actor', header: 'Who', kind: 'text' },
                { key: 'organisation', header: 'Organisation', kind: 'text' },
                { key: 'source', header: 'From', kind: 'text' },
                { key: 'objectType', header: 'Object type', kind: 'text' },
                { key: 'objectId', header: 'Object', kind: 'text' },
                { key: 'action', header: 'Action', kind: 'text' },
                { key: 'before', header: 'Before (JSON)', kind: 'text' },
                { key: 'after', header: 'After (JSON)', kind: 'text' },
              ],
              rows: rows.map((e) => ({
                ...e,
                before: e.before === null ? null : JSON.stringify(e.before),
                after: e.after === null ? null : JSON.stringify(e.after),
              })),
            },
          ],
        );
      }
      return { rows };
    },
  );

  r.get(
    '/assurance/pack',
    {
      onRequest: read,
      schema: {
        summary:
          'The board pack for an ICB or footprint, as printable HTML or PDF (PDFs are queued: 429 with Retry-After when busy or asked for too often)',
        tags: ['assurance'],
        querystring: z
          .object({
            icb: icbCode.optional(),
            footprint: z.string().min(1).max(80).optional(),
            scenario: z.string().min(1).max(80).optional(),
            format: z.enum(['html', 'pdf']).default('html'),
          })
          .refine((q) => (q.icb === undefined) !== (q.footprint === undefined), 'give exactly one of icb or footprint'),
        response: { ...errors, 429: errorBody },
      },
    },
    async (request, reply) => {
      const { icb, footprint, scenario } = request.query;
      const user = signedInUser(request);
      const pack = await readBoardPack(ws, user.organisation, { icb, footprint, scenario });
      const html = boardPackHtml(pack);
      const stem = (icb ?? footprint ?? 'pack').replace(/[^A-Za-z0-9]+/g, '-');
      if (request.query.format === 'pdf') {
        return (reply as FastifyReply)
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="board-pack-${stem}.pdf"`)
          .send(await context.pdf.render(html, user.email));
      }
      return (reply as FastifyReply)
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .send(html);
    },
  );
};
