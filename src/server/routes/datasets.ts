// Datasets of activity: listed for every signed-in user (pages say which one they show); made current,
// removed and run by national editors and admins only, because the current dataset is what every
// organisation's pages show.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { datasetList, runSummary } from '../../core/datasets/dataset-shapes.ts';
import { fail } from '../../core/errors.ts';
import { requireDataset, setCurrentDataset } from '../../data/datasets/current-dataset.ts';
import { listDatasets, removeDataset } from '../../data/datasets/datasets.ts';
import { withActivityEngine } from '../../data/engines/open-engine.ts';
import { runBasisConversion } from '../../data/run/run-basis-conversion.ts';
import { guard, signedInUser } from '../auth/guard.ts';
import { errorBody, noContent, vintage } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const datasetName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1–64 letters, digits, hyphens or underscores');

/** Only national users change which dataset everyone sees. */
export function requireNational(request: FastifyRequest): void {
  const user = signedInUser(request);
  if (user.organisation.type !== 'national') {
    fail('FP_AUTH_FORBIDDEN', `Datasets are national: ${user.organisation.name} cannot change them.`, {
      where: { parameter: 'organisation' },
      received: user.organisation.code,
      accepted: 'national',
    });
  }
}

export const datasetRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const changes = { onRequest: guard(context, { role: 'editor', changes: true }) };
  r.get(
    '/datasets',
    {
      onRequest: guard(context),
      schema: {
        summary: 'Activity datasets: rows, cost, years, runs, source file, who imported them; which is current',
        tags: ['datasets'],
        response: { 200: datasetList, 401: errorBody },
      },
    },
    async () => listDatasets(ws),
  );
  r.put(
    '/datasets/current',
    {
      ...changes,
      schema: {
        summary: 'Make a dataset the current one (national editors and admins)',
        tags: ['datasets'],
        body: z.object({ name: datasetName }),
        response: { 200: datasetList, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      requireNational(request);
      await setCurrentDataset(ws, request.body.name);
      return listDatasets(ws);
    },
  );
  r.delete(
    '/datasets/:name',
    {
      ...changes,
      schema: {
        summary:
          'Remove a dataset that is not current, with every result computed from it (national editors and admins)',
        tags: ['datasets'],
        params: z.object({ name: datasetName }),
        response: { 204: noContent, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      requireNational(request);
      await removeDataset(ws, request.params.name);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/datasets/:name/run',
    {
      ...changes,
      schema: {
        summary: 'Run the basis conversion for a dataset (national editors and admins)',
        tags: ['datasets'],
        params: z.object({ name: datasetName }),
        body: z.object({ vintage: vintage.optional() }).optional(),
        response: { 200: runSummary, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      requireNational(request);
      // A connection of its own: the run's transaction neither blocks nor takes in other requests' queries.
      const own = await ws.connect();
      try {
        await requireDataset(own, request.params.name, 'name');
        const result = await withActivityEngine(own, (engine) =>
          runBasisConversion(own, { dataset: request.params.name, vintage: request.body?.vintage, engine }),
        );
        return {
          dataset: result.dataset,
          vintage: result.vintage,
          unknownResidenceRule: result.unknownResidenceRule,
          rows: result.rows,
          totalCost: result.costPence / 100,
          flows: result.flows,
        };
      } finally {
        own.close();
      }
    },
  );
};
