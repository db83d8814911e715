// Assurance: the KLOE templates, review rounds (an ICB sees its own; a region its ICBs'; national all), the
// audit trail (read only: no route changes it) and the board pack. Reviews and the heat map are in
// assurance-reviews.ts, intentions in assurance-intentions.ts, contracts in assurance-contracts.ts.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reviewSubject, roundSummary, template } from '../../core/assurance/review-shapes.ts';
import { AUDIT_EVENT_COLUMNS, auditEventShape } from '../../core/audit/audit-event.ts';
import { fail } from '../../core/errors.ts';
import { listKloeTemplates } from '../../data/assurance/kloe-templates.ts';
import { createRound, listRounds, readReview, visibleReviews } from '../../data/assurance/review-rounds.ts';
import { listAudit } from '../../data/audit/record-audit.ts';
import { readBoardPack } from '../../data/reports/board-pack.ts';
import { boardPackHtml } from '../../data/reports/board-pack-html.ts';
import { coveredCodes } from '../../data/users/organisations.ts';
import { rememberedFor, sendAnswer, userScope } from '../answer-cache.ts';
import { guard, signedInUser } from '../auth/guard.ts';
import { sendExport } from '../export-reply.ts';
import { errorBody, format, icbCode } from '../schemas.ts';
import { changeErrors, errors, id } from './assurance-schemas.ts';
import type { RouteContext } from './route-context.ts';

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
    async (request, reply) => {
      const actor = signedInUser(request).organisation;
      const answer = await rememberedFor(context.answers, request, reply, async () => {
        const round = (await listRounds(ws, actor)).find((x) => x.id === request.params.id);
        if (!round) {
          fail('FP_ASSURANCE_ROUND_NOT_FOUND', `There is no review round ${request.params.id} you can see.`, {
            where: { parameter: 'id' },
            received: request.params.id,
          });
        }
        return { round, reviews: (await visibleReviews(ws, actor)).filter((v) => v.roundId === round.id) };
      });
      return sendAnswer(request, reply, answer);
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
      // Remembered per organisation and role while the workspace is unchanged (every audited change moves it).
      const answer = await context.answers.answer(
        request,
        reply,
        async () => ({
          rows: await listAudit(ws, {
            objectType,
            objectId,
            organisations: wholeHistory ? null : await coveredCodes(ws, actor),
          }),
        }),
        (value) => value,
        userScope(request),
      );
      const { rows } = answer.value;
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(
          reply,
          asked,
          ['audit', objectType, objectId],
          [
            {
              name: 'Audit trail',
              columns: AUDIT_EVENT_COLUMNS,
              rows: rows.map((e) => ({
                ...e,
                before: e.before === null ? null : JSON.stringify(e.before),
                after: e.after === null ? null : JSON.stringify(e.after),
              })),
            },
          ],
        );
      }
      return sendAnswer(request, reply, answer);
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
