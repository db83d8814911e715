// Datasets of activity: listed for every signed-in user (pages say which one they show); made current,
// removed and run by national editors and admins only, because the current dataset is what every
// organisation's pages show.

import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { datasetList, type ImportOutcome, importOutcome, runSummary } from '../../core/datasets/dataset-shapes.ts';
import { fail } from '../../core/errors.ts';
import { requireDataset, setCurrentDataset } from '../../data/datasets/current-dataset.ts';
import { listDatasets, removeDataset } from '../../data/datasets/datasets.ts';
import { discardUpload, storeUpload, uploadRejects } from '../../data/datasets/uploads.ts';
import { withActivityEngine } from '../../data/engines/open-engine.ts';
import { ImportRejectedError } from '../../data/import/import-activity.ts';
import { importDataset } from '../../data/import/import-dataset.ts';
import { runBasisConversion } from '../../data/run/run-basis-conversion.ts';
import { sendAnswer } from '../answer-cache.ts';
import { auditActorOf, guard, signedInUser } from '../auth/guard.ts';
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
  const { ws, answers } = context;
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
    // Remembered until something changes: the years come from a scan of every dataset's activity, which 50
    // readers at once would otherwise queue on the workspace's connection.
    async (request, reply) =>
      sendAnswer(
        request,
        reply,
        await answers.answer(
          request,
          reply,
          () => listDatasets(ws),
          (list) => list,
        ),
      ),
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
      await setCurrentDataset(ws, request.body.name, auditActorOf(request));
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

  // Uploads arrive as the file's own bytes, streamed to disk; only this plugin takes them.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  r.post(
    '/datasets/upload',
    {
      ...changes,
      // An activity extract can be gigabytes: the import's own per-format limits apply instead.
      bodyLimit: UPLOAD_LIMIT_BYTES,
      schema: {
        summary: 'Upload an activity extract (CSV, XLSX or Parquet, the file itself as the body) into a dataset',
        tags: ['datasets'],
        querystring: z.object({
          dataset: datasetName,
          filename: z.string().min(1).max(200).describe('The file’s name: its extension says its format.'),
          allowRejects: z.enum(['true', 'false']).optional().describe('Import the valid rows when some are rejected.'),
          makeCurrent: z.enum(['true', 'false']).optional().describe('Make it the current dataset.'),
        }),
        response: {
          200: importOutcome,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          413: errorBody,
          415: errorBody,
        },
      },
    },
    async (request): Promise<ImportOutcome> => {
      requireNational(request);
      const { dataset, filename } = request.query;
      const upload = await storeUpload(ws.dir, filename, request.body as Readable);
      const rejectsUrl = `/api/datasets/uploads/${upload.id}/rejects`;
      // A connection of its own: a long import's transaction neither blocks other requests nor takes them in.
      const own = await ws.connect();
      try {
        const { summary } = await importDataset(
          own,
          {
            file: upload.file,
            dataset,
            rejectsFile: upload.rejectsFile,
            allowRejects: request.query.allowRejects === 'true',
            makeCurrent: request.query.makeCurrent === 'true',
          },
          signedInUser(request).email,
        );
        return {
          dataset,
          imported: true,
          read: summary.read,
          accepted: summary.accepted,
          rejected: summary.rejected,
          totalCost: Number(summary.totalCost),
          current: summary.current,
          rejectsUrl: summary.rejected > 0 ? rejectsUrl : null,
          message: null,
        };
      } catch (error) {
        if (!(error instanceof ImportRejectedError)) throw error;
        return {
          dataset,
          imported: false,
          read: error.summary.read,
          accepted: 0,
          rejected: error.summary.rejected,
          totalCost: 0,
          current: false,
          rejectsUrl,
          message: error.problem.message.replace(upload.rejectsFile, 'the rejects file'),
        };
      } finally {
        own.close();
        discardUpload(upload);
      }
    },
  );
  r.get(
    '/datasets/uploads/:id/rejects',
    {
      onRequest: guard(context, { role: 'editor' }),
      schema: {
        summary: 'The rejected rows of an upload, with row, field, value and reason (CSV)',
        tags: ['datasets'],
        params: z.object({ id: z.string().max(32) }),
        response: { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      requireNational(request);
      return sendCsvFile(reply, uploadRejects(ws.dir, request.params.id), 'rejects.csv');
    },
  );
};

function sendCsvFile(reply: FastifyReply, file: string, name: string): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(createReadStream(file));
}

/** The largest upload accepted: the import's own limits per format are lower for XLSX. */
export const UPLOAD_LIMIT_BYTES = 20 * 1024 ** 3;
