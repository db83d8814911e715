// The atlas of variation: GET /api/variation (one service, year and measure: every ICB's rates, the funnel
// against England, the spread across ICBs year by year), GET /api/variation/spread (is variation narrowing,
// for every service) and GET /api/variation/icbs/:code (where an ICB is an outlier, and its peers). The
// atlas is computed and stored on first use after each run; answers are read from the stored atlas.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../core/errors.ts';
import { atlasAnswer, icbOutliersAnswer, spreadAnswer } from '../../core/variation/atlas-rows.ts';
import { ATLAS_MEASURES, type AtlasMeasure, COUNT_MEASURES, MEASURE_LABELS } from '../../core/variation/index.ts';
import { readRunContext } from '../../data/queries/run-context.ts';
import { findIcb } from '../../data/reference/icbs.ts';
import { atlasRatesTable, atlasVariationTable } from '../../data/variation/atlas-tables.ts';
import { ATLAS_VINTAGE, ensureAtlas } from '../../data/variation/compute-atlas.ts';
import {
  type AtlasRunRow,
  readAtlasChoices,
  readAtlasRates,
  readAtlasRun,
  readAtlasVariation,
  readBusiestAtlasService,
  readFunnelLimits,
  readPeers,
} from '../../data/variation/read-atlas.ts';
import type { Workspace } from '../../data/workspace.ts';
import { sendAnswer } from '../answer-cache.ts';
import { guard } from '../auth/guard.ts';
import { sendExport } from '../export-reply.ts';
import { provenanceOf } from '../provenance.ts';
import { errorBody, financialYear, format, icbCode, serviceCode } from '../schemas.ts';
import type { RouteContext } from './route-context.ts';

const measure = z
  .enum(ATLAS_MEASURES)
  .describe('activity or patients per 100,000 registered patients, or spend per head.');
function derivationOf(run: AtlasRunRow | undefined): string {
  if (!run) return 'The atlas has not been computed.';
  return (
    `Rates per 100,000 registered patients (${run.populationSource}) on ${run.vintage} ICBs, directly standardised by age and sex to the ${run.standardPopulation} (Dobson method, Byar's limits; suppressed below 10 events). ` +
    'Each ICB is compared with England on a funnel plot of standardised rates (95% and 99.8% exact Poisson limits; also with an overdispersion allowance). ' +
    `Activity with no known ICB (${Math.round(run.unknownResidenceActivity).toLocaleString('en-GB')} units) is left out; activity with no age or sex (${Math.round(run.unknownAgeSexActivity).toLocaleString('en-GB')}) counts in crude rates only. ` +
    `Peers: ${run.peerRule} (weighted populations ${run.needYear ?? 'not available'}). Computed with method ${run.methodVersion} by the ${run.engine} engine.`
  );
}

function badFilter(parameter: string, received: string, accepted: string[]): never {
  fail('FP_ATLAS_BAD_FILTER', `The atlas has no ${parameter} ${JSON.stringify(received)}.`, {
    where: { parameter },
    received,
    accepted: accepted.slice(0, 20).join(', ') + (accepted.length > 20 ? ', …' : ''),
  });
}

export const variationRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { ws, answers } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // One computation at a time: concurrent first requests share it.
  let computing: Promise<string> | null = null;
  const atlasDataset = (w: Workspace) => {
    computing ??= ensureAtlas(w).finally(() => {
      computing = null;
    });
    return computing;
  };
  const atlasBasis = async () => {
    const dataset = await atlasDataset(ws);
    const [run, runContext, found] = await Promise.all([
      readAtlasRun(ws, dataset),
      readRunContext(ws),
      readAtlasChoices(ws, dataset),
    ]);
    return { dataset, run, runContext, found };
  };
  const chooseYear = (years: string[], asked: string | undefined) => {
    if (asked !== undefined && !years.includes(asked)) badFilter('year', asked, years);
    return asked ?? years.at(-1)!;
  };

  r.get(
    '/variation',
    {
      onRequest: guard(context),
      schema: {
        summary:
          'Atlas of variation for one service, year and measure: ICB rates, funnel against England, spread over time',
        tags: ['variation'],
        querystring: z.object({
          service: serviceCode.optional().describe('Default: the service with the most activity.'),
          year: financialYear.optional(),
          measure: measure.optional(),
          format: format.optional(),
        }),
        response: { 200: atlasAnswer, 400: errorBody, 401: errorBody },
      },
    },
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        async () => {
          const { dataset, run, runContext, found } = await atlasBasis();
          const year = chooseYear(found.years, request.query.year);
          const chosenMeasure: AtlasMeasure = request.query.measure ?? 'activity';
          let service = found.services.find((s) => s.code === request.query.service);
          if (request.query.service !== undefined && !service) {
            badFilter(
              'service',
              request.query.service,
              found.services.map((s) => s.code),
            );
          }
          if (!service) {
            const busiest = await readBusiestAtlasService(ws, dataset, year);
            service = found.services.find((s) => s.code === busiest) ?? found.services[0]!;
          }
          const filter = { year, service: service.code, measure: chosenMeasure };
          const [rates, funnel, overTime] = await Promise.all([
            readAtlasRates(ws, dataset, filter),
            COUNT_MEASURES.includes(chosenMeasure) ? readFunnelLimits(ws, dataset, filter) : Promise.resolve([]),
            readAtlasVariation(ws, dataset, { service: service.code, measure: chosenMeasure }),
          ]);
          return { year, service, measure: chosenMeasure, found, rates, funnel, overTime, run, runContext };
        },
        (v): z.infer<typeof atlasAnswer> => ({
          year: v.year,
          service: v.service,
          measure: v.measure,
          measureLabel: MEASURE_LABELS[v.measure],
          choices: { ...v.found, measures: ATLAS_MEASURES.map((m) => ({ code: m, label: MEASURE_LABELS[m] })) },
          rates: v.rates,
          funnel: v.funnel,
          overTime: v.overTime,
          provenance: provenanceOf(v.runContext, v.year, derivationOf(v.run)),
        }),
      );
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        const { service, year, measure: m, rates, overTime } = answer.value;
        return sendExport(
          reply,
          asked,
          ['variation', service.code, m, year],
          [atlasRatesTable(rates), atlasVariationTable(overTime, 'Variation over time')],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );

  r.get(
    '/variation/spread',
    {
      onRequest: guard(context),
      schema: {
        summary: 'Is variation narrowing? The spread of standardised rates across ICBs for every service in a year',
        tags: ['variation'],
        querystring: z.object({
          year: financialYear.optional(),
          measure: measure.optional(),
          format: format.optional(),
        }),
        response: { 200: spreadAnswer, 400: errorBody, 401: errorBody },
      },
    },
    async (request, reply) => {
      const answer = await answers.answer(
        request,
        reply,
        async () => {
          const { dataset, run, runContext, found } = await atlasBasis();
          const year = chooseYear(found.years, request.query.year);
          const m = request.query.measure ?? 'activity';
          return {
            year,
            measure: m,
            rows: await readAtlasVariation(ws, dataset, { year, measure: m }),
            run,
            runContext,
          };
        },
        (v): z.infer<typeof spreadAnswer> => ({
          year: v.year,
          measure: v.measure,
          rows: v.rows,
          provenance: provenanceOf(v.runContext, v.year, derivationOf(v.run)),
        }),
      );
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        const { year, measure: m, rows } = answer.value;
        return sendExport(reply, asked, ['variation-spread', m, year], [atlasVariationTable(rows)]);
      }
      return sendAnswer(request, reply, answer);
    },
  );

  r.get(
    '/variation/icbs/:code',
    {
      onRequest: guard(context),
      schema: {
        summary:
          'Where an ICB is an outlier against England (every service and count measure in a year), and its peers',
        tags: ['variation'],
        params: z.object({ code: icbCode }),
        querystring: z.object({ year: financialYear.optional(), format: format.optional() }),
        response: { 200: icbOutliersAnswer, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const code = request.params.code.toUpperCase();
      const answer = await answers.answer(
        request,
        reply,
        async () => {
          const icb = await findIcb(ws, ATLAS_VINTAGE, code);
          if (!icb) {
            fail('FP_HTTP_NOT_FOUND', `There is no 2026 ICB with the code ${code}.`, {
              where: { parameter: 'code' },
              received: code,
            });
          }
          const { dataset, run, runContext, found } = await atlasBasis();
          const year = chooseYear(found.years, request.query.year);
          const outliers = (await readAtlasRates(ws, dataset, { year, icb: code, outliersOnly: true })).filter((r) =>
            COUNT_MEASURES.includes(r.measure as AtlasMeasure),
          );
          return {
            icb: { code: icb.code, name: icb.name },
            year,
            outliers,
            peers: await readPeers(ws, dataset, code),
            run,
            runContext,
          };
        },
        (v): z.infer<typeof icbOutliersAnswer> => ({
          icb: v.icb,
          year: v.year,
          outliers: v.outliers,
          peers: v.peers,
          provenance: provenanceOf(v.runContext, v.year, derivationOf(v.run)),
        }),
      );
      const asked = request.query.format;
      if (asked === 'xlsx' || asked === 'csv') {
        const { icb, year, outliers } = answer.value;
        return sendExport(
          reply,
          asked,
          ['variation-outliers', icb.code, year],
          [atlasRatesTable(outliers, 'Outliers')],
        );
      }
      return sendAnswer(request, reply, answer);
    },
  );
};
