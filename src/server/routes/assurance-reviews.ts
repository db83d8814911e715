// Assurance reviews: one review with its evidence, an ICB's answers, a region's moderation, attachments, and
// the ratings heat map (remembered per organisation, the only thing it depends on).
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RATINGS } from '../../core/assurance/rating-scale.ts';
import {
  answer,
  attachment,
  type evidenceItem,
  heatMap,
  kloeRatingColumns,
  reviewDetail,
} from '../../core/assurance/review-shapes.ts';
import { ratingHeatMap } from '../../data/assurance/heat-map.ts';
import { addAttachment, MAX_ATTACHMENT_BYTES, readAttachment } from '../../data/assurance/review-attachments.ts';
import { workspaceEvidence } from '../../data/assurance/review-evidence.ts';
import { moderateQuestion, rateQuestion, readReview } from '../../data/assurance/review-rounds.ts';
import { rememberedFor, sendAnswer } from '../answer-cache.ts';
import { guard, signedInUser } from '../auth/guard.ts';
import { sendExport } from '../export-reply.ts';
import { format } from '../schemas.ts';
import { changeErrors, errors, id, questionId } from './assurance-schemas.ts';
import type { RouteContext } from './route-context.ts';

export const assuranceReviewRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = guard(context);
  const change = guard(context, { role: 'editor', changes: true });
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
    async (request, reply) => {
      const answer = await rememberedFor(context.answers, request, reply, async () => {
        const review = await readReview(ws, signedInUser(request).organisation, request.params.id);
        const evidence: Record<string, z.infer<typeof evidenceItem>[]> = {};
        for (const q of review.template.questions) evidence[q.id] = await workspaceEvidence(ws, review, q.evidence);
        return { ...review, evidence };
      });
      return sendAnswer(request, reply, answer);
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
              columns: kloeRatingColumns(questions),
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
};
