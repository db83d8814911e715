// Payment mechanisms and CQUIN on the contracts register: read for the contracts a person can see, set by
// editors covering a contract's lead commissioner. Beside routes/assurance.ts, which keeps the contracts.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PAYMENT_LINE_COLUMNS, PROVIDER_INCOME_COLUMNS, paymentRegisterSchema } from '../../core/payment/index.ts';
import { paymentRegister, setContractPayment } from '../../data/payment/contract-payments.ts';
import { sendAnswer, userScope } from '../answer-cache.ts';
import { guard, signedInUser } from '../auth/guard.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { errorBody, format } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

export const contractPaymentRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/assurance/payments',
    {
      onRequest: guard(context),
      schema: {
        summary: 'Contracted value by payment mechanism, each line’s income under block and activity, CQUIN',
        tags: ['assurance'],
        querystring: z.object({
          scenario: z
            .string()
            .min(1)
            .max(120)
            .optional()
            .describe('The stored scenario whose plan gives each year’s activity; default the baseline plan.'),
          format: format.optional(),
        }),
        response: { 200: paymentRegisterSchema, 401: errorBody, 404: errorBody },
      },
    },
    // Remembered per organisation and role while the workspace is unchanged: it may plan the scenario.
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        () => paymentRegister(ws, signedInUser(request), { scenario: request.query.scenario }),
        (value) => value,
        userScope(request),
      );
      const register = answer.value;
      const asked = request.query.format;
      if (asked === 'csv' || asked === 'xlsx') {
        return sendExport(
          reply,
          asked,
          ['payments'],
          [
            { name: 'Payment by line', columns: PAYMENT_LINE_COLUMNS, rows: tableRows(register.lines) },
            { name: 'Income by provider', columns: PROVIDER_INCOME_COLUMNS, rows: tableRows(register.byProvider) },
          ],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );

  r.put(
    '/assurance/contracts/:id/payment',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary: 'Set a contract’s payment mechanism per service line and its CQUIN schemes',
        tags: ['assurance'],
        params: z.object({ id: z.string().min(1).max(40) }),
        body: z.record(z.string(), z.unknown()).describe('{lines: [...], cquin: [...]} as in docs/methods.md.'),
        response: { 200: paymentRegisterSchema, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      await setContractPayment(ws, user, request.params.id, request.body);
      answers.clear();
      return paymentRegister(ws, user);
    },
  );
};
