// Clinical networks and cross-boundary coordination: the networks register (everyone reads; editors add
// networks over ICBs their organisation covers), a network's footprint and its member providers' flows, the
// triangulation report for a footprint, and who does what at each level of the wiring diagram.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../core/errors.ts';
import {
  NETWORK_COLUMNS,
  network,
  networkAnswer,
  registerAnswer,
  triangulationAnswer,
  wiringAnswer,
} from '../../core/networks/network-answers.ts';
import { NETWORK_TYPES } from '../../core/networks/network-types.ts';
import {
  addNetwork,
  findNetwork,
  listNetworks,
  networkFlows,
  networkMembers,
  removeNetwork,
} from '../../data/networks/networks.ts';
import { footprintWiring } from '../../data/networks/wiring.ts';
import { chooseYear, readRunContext } from '../../data/queries/run-context.ts';
import { triangulationFor, triangulationTables } from '../../data/reports/triangulation.ts';
import { covers, findOrganisation } from '../../data/users/organisations.ts';
import { sendAnswer } from '../answer-cache.ts';
import { auditActorOf, guard, signedInUser } from '../auth/guard.ts';
import { sendExport, tableRows } from '../export-reply.ts';
import { provenanceOf } from '../provenance.ts';
import {
  currentGeographyRunQuery,
  errorBody,
  financialYear,
  format,
  icbCode,
  noContent,
  serviceCode,
} from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const footprintQuery = {
  footprint: z.string().min(1).max(120).optional().describe('A footprint name (ICB, region, group or user).'),
  icb: icbCode.optional().describe('One ICB instead of a footprint.'),
};

const TRIANGULATION_DERIVATION =
  "Stored population-basis flows, 2026 geography. Shares of the footprint population's spend by where it is treated (inside, another ICB of the resident's region, across a regional boundary); shares of the footprint providers' income by where patients live; partners are ICBs above the materiality threshold either way.";

export const networkRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/networks',
    {
      onRequest: guard(context),
      schema: {
        summary: 'The clinical networks register, with the network types',
        tags: ['networks'],
        querystring: z.object({ format: format.optional() }),
        response: { 200: registerAnswer, 401: errorBody },
      },
    },
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        async () => listNetworks(ws),
        (rows): z.infer<typeof registerAnswer> => ({ types: [...NETWORK_TYPES], rows }),
      );
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        return sendExport(
          reply,
          asked,
          ['clinical-networks'],
          [
            {
              name: 'Clinical networks',
              columns: NETWORK_COLUMNS,
              rows: tableRows(
                answer.value.map((n) => ({
                  ...n,
                  icbs: n.icbs.join(' '),
                  services: n.services.join(' '),
                  providers: n.providers.join(' '),
                })),
              ),
            },
          ],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );
  r.get(
    '/networks/:name',
    {
      onRequest: guard(context),
      schema: {
        summary: "A network's footprint, services and members, and the flows its member providers carry",
        tags: ['networks'],
        params: z.object({ name: z.string().min(1).max(120) }),
        querystring: z.object({ ...currentGeographyRunQuery, year: financialYear.optional() }),
        response: { 200: networkAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        async () => {
          const found = await findNetwork(ws, request.params.name);
          const runContext = await readRunContext(ws, request.query);
          const year = chooseYear(runContext, request.query.year);
          const flows =
            runContext.dataset && year
              ? await networkFlows(ws, found, { dataset: runContext.dataset, financialYear: year })
              : [];
          return { found, members: await networkMembers(ws, found), runContext, year, flows };
        },
        ({ found, members, runContext, year, flows }): z.infer<typeof networkAnswer> => ({
          network: found,
          members,
          flows,
          provenance: provenanceOf(
            runContext,
            year,
            "Population-basis flows at the network's member providers (its services only, when it lists any), by the patients' ICB of residence.",
          ),
        }),
      );
      return sendAnswer(request, reply, answer);
    },
  );
  r.post(
    '/networks',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary: 'Add a clinical network (editors whose organisation covers every ICB of its footprint)',
        tags: ['networks'],
        body: z.object({
          name: z.string().min(1).max(100),
          type: z.string().min(1).max(40),
          host: z.string().max(200).optional(),
          description: z.string().max(500).optional(),
          icbs: z.array(icbCode).min(1).max(42),
          services: z.array(serviceCode).max(200).default([]),
          providers: z.array(z.string().min(3).max(9)).max(200).default([]),
        }),
        response: { 201: network, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request).organisation;
      for (const code of request.body.icbs) {
        const target = await findOrganisation(ws, code);
        if (target && !covers(user, target)) {
          fail('FP_AUTH_FORBIDDEN', `${user.name} cannot add a network covering ${target.name}.`, {
            where: { parameter: 'body.icbs' },
            received: code,
            accepted: `ICBs ${user.name} covers`,
            hint: 'A network across regions is added by a national user.',
          });
        }
      }
      const owner = request.body.icbs.length === 1 ? request.body.icbs[0]!.toUpperCase() : user.code;
      const made = await addNetwork(
        ws,
        {
          name: request.body.name,
          type: request.body.type,
          host: request.body.host ?? null,
          description: request.body.description ?? null,
          icbs: request.body.icbs,
          services: request.body.services,
          providers: request.body.providers,
        },
        {
          owner: covers(user, (await findOrganisation(ws, owner)) ?? null) ? owner : user.code,
          by: auditActorOf(request),
        },
      );
      answers.clear();
      return reply.code(201).send(made);
    },
  );
  r.delete(
    '/networks/:name',
    {
      onRequest: guard(context, { role: 'editor', changes: true }),
      schema: {
        summary: 'Remove a network a user added (its owner, or an organisation covering it)',
        tags: ['networks'],
        params: z.object({ name: z.string().min(1).max(120) }),
        response: { 204: noContent, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request).organisation;
      const found = await findNetwork(ws, request.params.name);
      const owner = found.owner ? ((await findOrganisation(ws, found.owner)) ?? null) : null;
      if (!found.shipped && !covers(user, owner)) {
        fail('FP_AUTH_FORBIDDEN', `${user.name} cannot remove the network "${found.name}".`, {
          where: { parameter: 'organisation' },
          received: user.code,
          accepted: owner ? `${owner.code}, its region or national` : 'national',
        });
      }
      await removeNetwork(ws, found.name, auditActorOf(request));
      answers.clear();
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/triangulation',
    {
      onRequest: guard(context),
      schema: {
        summary: 'The triangulation report for a footprint: per service, aligned or needing coordination, partners',
        tags: ['networks'],
        querystring: z.object({
          ...footprintQuery,
          ...currentGeographyRunQuery,
          year: financialYear.optional(),
          threshold: z.coerce.number().optional().describe('Materiality threshold, a share; default 0.05.'),
          format: format.optional(),
        }),
        response: { 200: triangulationAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const { footprint, icb, year: asked, threshold, dataset } = request.query;
      const answer = await answers.answer(
        request,
        reply,
        async () => {
          const runContext = await readRunContext(ws, request.query);
          const year = chooseYear(runContext, asked);
          const result = await triangulationFor(ws, { footprint, icb, year: year ?? undefined, threshold, dataset });
          return { runContext, result };
        },
        ({ runContext, result }): z.infer<typeof triangulationAnswer> => ({
          footprint: result.footprint,
          financialYear: result.financialYear,
          threshold: result.threshold,
          summary: result.summary,
          rows: result.rows,
          provenance: provenanceOf(runContext, result.financialYear, TRIANGULATION_DERIVATION),
        }),
      );
      const wanted = request.query.format;
      if (wanted === 'xlsx' || wanted === 'csv') {
        const { result } = answer.value;
        const tables = triangulationTables(result);
        return sendExport(
          reply,
          wanted,
          ['triangulation', result.footprint.name, result.financialYear],
          [tables.services, tables.summary],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );
  r.get(
    '/wiring',
    {
      onRequest: guard(context),
      schema: {
        summary: 'Who leads at national, multi-ICB, ICB and place level, per service, for a footprint',
        tags: ['networks'],
        querystring: z.object({ ...footprintQuery, service: serviceCode.optional(), year: financialYear.optional() }),
        response: { 200: wiringAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        async () => footprintWiring(ws, request.query),
        (value): z.infer<typeof wiringAnswer> => value,
      );
      return sendAnswer(request, reply, answer);
    },
  );
};
