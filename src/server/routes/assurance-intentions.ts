// Commissioning intentions: the register (remembered per organisation), and editors adding, changing and
// withdrawing intentions their organisation owns or covers.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INTENTION_COLUMNS, intention } from '../../core/assurance/contract-shapes.ts';
import {
  addIntention,
  addStarterIntentions,
  listIntentions,
  updateIntention,
  withdrawIntention,
} from '../../data/assurance/intentions.ts';
import { sendAnswer } from '../answer-cache.ts';
import { guard, signedInUser } from '../auth/guard.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { financialYear, format, noContent, serviceCode } from '../schemas.ts';
import { changeErrors, errors, id, orgCode, providerCode } from './assurance-schemas.ts';
import type { RouteContext } from './route-context.ts';

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
export const assuranceIntentionRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = guard(context);
  const change = guard(context, { role: 'editor', changes: true });
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
              columns: INTENTION_COLUMNS,
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
};
