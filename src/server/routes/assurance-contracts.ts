// Contracts: the register with each system's position against its control total (remembered per
// organisation), and editors recording, changing and withdrawing contracts and setting control totals.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CONTRACT_COLUMNS,
  CONTRACT_TYPES,
  CONTROL_TOTAL_COLUMNS,
  contract,
  controlTotalPosition,
} from '../../core/assurance/contract-shapes.ts';
import {
  addContract,
  contractRegister,
  findContract,
  setControlTotal,
  updateContract,
  withdrawContract,
} from '../../data/assurance/contracts.ts';
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
import { financialYear, format, noContent, serviceCode } from '../schemas.ts';
import { changeErrors, errors, id, orgCode, providerCode } from './assurance-schemas.ts';
import type { RouteContext } from './route-context.ts';

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
export const assuranceContractRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = guard(context);
  const change = guard(context, { role: 'editor', changes: true });
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
              columns: CONTRACT_COLUMNS,
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
              columns: CONTROL_TOTAL_COLUMNS,
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
};
