// The risk register: risks of the organisations a signed-in person covers (one organisation or one linked
// object asked for is checked against that scope); editors add and change risks of organisations they
// cover. Bodies are checked by the core schema in the data layer, so the CLI gets the same answers; what a
// body names (its organisation, a footprint or QIPP scheme it links to) is checked here against the session's
// scope by the shared rule (auth/scope.ts) before the data layer writes. A provider link is a reference, as
// on a contract: a commissioner may hold a risk about a provider anywhere in England.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RISK_COLUMNS,
  RISK_LINK_KINDS,
  riskListSchema,
  riskSchema,
  riskWithHistorySchema,
} from '../../core/risks/index.ts';
import { listFootprints } from '../../data/footprints.ts';
import { ownersOfPlansHoldingScheme } from '../../data/planning/scenario-store.ts';
import { getRisk, listRisks, saveRisk } from '../../data/risks/risk-register.ts';
import { covers, findOrganisation, type Organisation } from '../../data/users/organisations.ts';
import type { Workspace } from '../../data/workspace.ts';
import { rememberedFor, sendAnswer } from '../answer-cache.ts';
import { guard, signedInUser } from '../auth/guard.ts';
import { requireFootprintInScope, requireOrganisationInScope, requireOwnerCovered } from '../auth/scope.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { errorBody, format } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const today = () => new Date().toISOString().slice(0, 10);
const body = z.record(z.string(), z.unknown()).describe('A risk as in docs/risks.md.');

/** What a risk body names, checked against the actor's scope. Unknown organisations are refused here as in
 * the data layer; unknown links are left to it (FP_RISK_UNKNOWN_LINK), and so is the body's shape. */
async function requireRiskInScope(ws: Workspace, actor: Organisation, json: unknown): Promise<void> {
  if (typeof json !== 'object' || json === null) return;
  const { organisation, links } = json as { organisation?: unknown; links?: unknown };
  if (typeof organisation === 'string') {
    await requireOrganisationInScope(ws, actor, organisation, 'body.organisation');
  }
  if (!Array.isArray(links)) return;
  for (const [i, link] of links.entries()) {
    const { kind, code } = (link ?? {}) as { kind?: unknown; code?: unknown };
    if (typeof code !== 'string') continue;
    const parameter = `body.links.${i}.code`;
    if (kind === 'footprint') {
      // An unknown footprint is the data layer's to refuse (FP_RISK_UNKNOWN_LINK); a known one must lie
      // within the actor's organisation, as anywhere a footprint is named.
      const found = (await listFootprints(ws)).find((f) => f.name === code.trim());
      if (found) await requireFootprintInScope(ws, actor, found.name, parameter);
    }
    if (kind === 'scheme') {
      // A scheme is named by the scenarios (plans) holding it: at least one must be a plan the actor covers.
      const owners = await ownersOfPlansHoldingScheme(ws, code.trim());
      const own = [];
      for (const owner of owners) if (covers(actor, (await findOrganisation(ws, owner)) ?? null)) own.push(owner);
      if (owners.length > 0 && own.length === 0) {
        await requireOwnerCovered(ws, actor, owners[0]!, `the plans holding ${code.trim()}`, parameter);
      }
    }
  }
}

export const riskRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const id = z.object({ id: z.string().min(1).max(40) });
  const change = guard(context, { role: 'editor', changes: true });

  r.get(
    '/risks',
    {
      onRequest: guard(context),
      schema: {
        summary: 'Risks of the organisations you cover, highest after mitigation first',
        tags: ['risks'],
        querystring: z.object({
          organisation: z.string().max(20).optional().describe('Only this organisation’s risks (one you cover).'),
          linkKind: z.enum(RISK_LINK_KINDS).optional(),
          linkCode: z.string().max(200).optional(),
          format: format.optional(),
        }),
        response: { 200: riskListSchema, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const { organisation, linkKind, linkCode } = request.query;
      // Remembered per organisation, role and day (reviews fall due by the date) while the workspace is unchanged.
      const day = today();
      const answer = await rememberedFor(
        answers,
        request,
        reply,
        async () => ({
          rows: await listRisks(ws, signedInUser(request).organisation, {
            organisation,
            link: linkKind && linkCode ? { kind: linkKind, code: linkCode } : undefined,
            today: day,
          }),
        }),
        day,
      );
      const { rows } = answer.value;
      const asked = request.query.format;
      if (asked === 'csv' || asked === 'xlsx') {
        return sendExport(
          reply,
          asked,
          ['risks', organisation],
          [{ name: 'Risks', columns: RISK_COLUMNS, rows: tableRows(rows) }],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );

  r.get(
    '/risks/:id',
    {
      onRequest: guard(context),
      schema: {
        summary: 'One risk with its history from the audit trail',
        tags: ['risks'],
        params: id,
        response: { 200: riskWithHistorySchema, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const day = today();
      const answer = await rememberedFor(
        answers,
        request,
        reply,
        () => getRisk(ws, signedInUser(request).organisation, request.params.id, day),
        day,
      );
      return sendAnswer(request, reply, answer);
    },
  );

  r.post(
    '/risks',
    {
      onRequest: change,
      schema: {
        summary: 'Add a risk (editors covering its organisation)',
        tags: ['risks'],
        body,
        response: { 201: riskSchema, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      await requireRiskInScope(ws, user.organisation, request.body);
      const saved = await saveRisk(ws, null, request.body, {
        actor: user.organisation,
        by: { actor: user.email, organisation: user.organisation.code },
        today: today(),
      });
      answers.clear();
      return reply.code(201).send(saved);
    },
  );

  r.put(
    '/risks/:id',
    {
      onRequest: change,
      schema: {
        summary: 'Change a risk: its scores, mitigation, review dates or status (editors covering it)',
        tags: ['risks'],
        params: id,
        body,
        response: { 200: riskSchema, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      await getRisk(ws, user.organisation, request.params.id, today());
      await requireRiskInScope(ws, user.organisation, request.body);
      const saved = await saveRisk(ws, request.params.id, request.body, {
        actor: user.organisation,
        by: { actor: user.email, organisation: user.organisation.code },
        today: today(),
      });
      answers.clear();
      return saved;
    },
  );
};
