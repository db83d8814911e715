// buildApp(options) builds the HTTP app without listening, so tests use inject() with no port. Every API
// route is a plugin under /api with a zod schema in and out; the OpenAPI document is built from those
// schemas; the built web app (web/dist) is served for every other GET, or the placeholder home page when
// the web app has not been built.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { withAuditSource } from '../data/audit/record-audit.ts';
import { readWorkspaceOverview } from '../data/queries/workspace-overview.ts';
import { PdfRenderer } from '../data/reports/board-pack-pdf.ts';
import type { Workspace } from '../data/workspace.ts';
import { AnswerCache } from './answer-cache.ts';
import { readSession } from './auth/guard.ts';
import { SessionCache } from './auth/session-cache.ts';
import type { SignInLimits } from './auth/sign-in-throttle.ts';
import { installErrorHandling, sendNotFound } from './errors.ts';
import { renderHomePage } from './home-page.ts';
import { type LogOptions, loggerOptions } from './logging.ts';
import { assuranceRoutes } from './routes/assurance.ts';
import { assuranceContractRoutes } from './routes/assurance-contracts.ts';
import { assuranceIntentionRoutes } from './routes/assurance-intentions.ts';
import { assuranceReviewRoutes } from './routes/assurance-reviews.ts';
import { auditRoutes } from './routes/audit.ts';
import { commissioningModelRoutes } from './routes/commissioning-models.ts';
import { contractPaymentRoutes } from './routes/contract-payments.ts';
import { datasetRoutes } from './routes/datasets.ts';
import { delegationRoutes } from './routes/delegation.ts';
import { delegationExerciseRoutes } from './routes/delegation-exercises.ts';
import { flowRoutes } from './routes/flows.ts';
import { footprintRoutes } from './routes/footprints.ts';
import { geographyRoutes } from './routes/geography.ts';
import { healthRoutes } from './routes/health.ts';
import { icbRoutes } from './routes/icbs.ts';
import { networkRoutes } from './routes/networks.ts';
import { occasionalPracticeRoutes } from './routes/occasional-practice.ts';
import { overviewRoutes } from './routes/overview.ts';
import { placeRoutes } from './routes/places.ts';
import { planningRoutes } from './routes/planning.ts';
import { planningEditorRoutes } from './routes/planning-editor.ts';
import { providerRoutes } from './routes/providers.ts';
import { qualityRoutes } from './routes/quality.ts';
import { riskRoutes } from './routes/risks.ts';
import type { ResolvedAppOptions, RouteContext } from './routes/route-context.ts';
import { serviceChangeRoutes } from './routes/service-change.ts';
import { serviceRoutes } from './routes/services.ts';
import { sessionRoutes } from './routes/session.ts';
import { userRoutes } from './routes/users.ts';
import { variationRoutes } from './routes/variation.ts';
import type { WorkspaceChanges } from './workspace-changes.ts';

/** web/dist at the project root, wherever the code runs from. */
export const DEFAULT_WEB_DIR = resolve(import.meta.dirname, '../../web/dist');

export interface AppOptions {
  workspace: Workspace;
  /** Log requests (pino to stdout). Default false. Ignored when log is given. */
  logger?: boolean;
  /** Log requests and failures at this level to stdout and a rotating file (`footprint serve`). */
  log?: LogOptions;
  /** The built web app. Default web/dist; when it has no index.html the placeholder home page is served. */
  webDir?: string;
  /** How long a session lasts. Default 8 hours. */
  sessionTtlMs?: number;
  /** Failed sign-ins allowed per address (max) and per account (maxPerAccount) per window. Default 10 and 5
   * a minute. */
  signInRateLimit?: SignInLimits;
  /** Believe X-Forwarded-For and X-Forwarded-Proto from the reverse proxy in front (docs/deployment.md):
   * client addresses in the audit trail, and Secure cookies when the proxy took the request over TLS. */
  trustProxy?: boolean;
  /** Largest request body accepted, in bytes. Default 64 KiB (the biggest real body is a footprint). */
  bodyLimit?: number;
  /** Prints board-pack PDFs: one shared browser, a bounded queue, a per-user allowance. */
  pdf?: PdfRenderer;
  /** Changes made beside the app's own requests (commands forwarded from the command line). */
  changes?: WorkspaceChanges;
}

const API_ROUTES = [
  healthRoutes,
  sessionRoutes,
  overviewRoutes,
  geographyRoutes,
  icbRoutes,
  serviceRoutes,
  providerRoutes,
  flowRoutes,
  footprintRoutes,
  userRoutes,
  variationRoutes,
  qualityRoutes,
  assuranceRoutes,
  assuranceReviewRoutes,
  assuranceIntentionRoutes,
  assuranceContractRoutes,
  planningRoutes,
  planningEditorRoutes,
  placeRoutes,
  networkRoutes,
  delegationRoutes,
  commissioningModelRoutes,
  occasionalPracticeRoutes,
  delegationExerciseRoutes,
  auditRoutes,
  serviceChangeRoutes,
  riskRoutes,
  contractPaymentRoutes,
  datasetRoutes,
];

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logging = options.log ? loggerOptions(options.log) : null;
  const app = Fastify({
    logger: logging?.logger ?? options.logger ?? false,
    // One line per request, written below when it is answered, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Random, so an id quoted from an error answer finds its log line even across restarts.
    genReqId: () => randomBytes(6).toString('hex'),
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    trustProxy: options.trustProxy ?? false,
  });
  if (logging) app.addHook('onClose', async () => logging.close());
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        statusCode: reply.statusCode,
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
        user: request.signedIn?.user.email ?? null,
      },
      'request',
    );
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // Every audit event a request causes records the client's address as where it came from.
  app.addHook('onRequest', (request, _reply, done) => withAuditSource(request.ip, done));
  const resolved: ResolvedAppOptions = {
    sessionTtlMs: options.sessionTtlMs ?? 8 * 60 * 60 * 1000,
    signInRateLimit: options.signInRateLimit ?? { max: 10, maxPerAccount: 5, timeWindowMs: 60_000 },
  };
  const context: RouteContext = {
    ws: options.workspace,
    options: resolved,
    answers: new AnswerCache(() => options.workspace.dataVersion()),
    sessions: new SessionCache(),
    pdf: options.pdf ?? new PdfRenderer(),
  };
  app.addHook('onClose', async () => context.pdf.close());
  // A change (footprints, users, sign-out, a command typed at the command line) may alter answers or
  // sessions: forget them all, but only after a change that passed the gate and succeeded, so a refused or
  // anonymous request cannot flush them. It is done as the reply is sent, so the client's next request
  // never sees the answer from before.
  const forget = () => {
    context.answers.clear();
    context.sessions.clear();
  };
  options.changes?.subscribe(forget);
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.signedIn && reply.statusCode < 400) {
      forget();
    }
    return payload;
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Footprint API',
        version: '0.1.0',
        description:
          'Specialised commissioning figures from a Footprint workspace. Sign in with POST /api/session; send the returned csrfToken as the x-csrf-token header on every change. Money is in pounds. Every data answer carries its provenance.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fp_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(
    async (api) => {
      for (const routes of API_ROUTES) await api.register(routes, context);
      api
        .withTypeProvider<ZodTypeProvider>()
        .get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      api.setNotFoundHandler((request, reply) => sendNotFound(request, reply));
    },
    { prefix: '/api' },
  );
  await registerWebApp(app, options, context);
  return app;
}

async function registerWebApp(app: FastifyInstance, options: AppOptions, context: RouteContext): Promise<void> {
  const webDir = options.webDir ?? DEFAULT_WEB_DIR;
  if (existsSync(resolve(webDir, 'index.html'))) {
    // @fastify/static resolves every path inside webDir and refuses '..' segments, so no file outside it
    // can be read. Any other GET (a client-side route such as /icb/QWE) gets index.html.
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: 'index.html' });
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !/\.[a-z0-9]+$/i.test(request.url.split('?')[0]!)) {
        return reply.sendFile('index.html');
      }
      return sendNotFound(request, reply);
    });
    return;
  }
  // Spend figures are for signed-in users only; the reference counts are public data.
  app.get('/', async (request, reply) => {
    const overview = await readWorkspaceOverview(options.workspace);
    const signedIn = (await readSession(context, request)) !== undefined;
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'private, no-cache')
      .send(renderHomePage(overview, { spend: signedIn }));
  });
  app.setNotFoundHandler((request, reply) => sendNotFound(request, reply));
}
