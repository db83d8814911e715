// Maps every error to HTTP once: a status and { error: { code, message, where, received?, accepted?,
// hint? } }. FootprintErrors keep their code and location; request validation names the parameter; a
// failure we did not foresee is logged in full and reaches the client only as FP_HTTP_INTERNAL, never
// as a stack trace or a driver message.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorCode, FootprintError, type Problem } from '../core/errors.ts';

const STATUS: Partial<Record<ErrorCode, number>> = {
  FP_AUTH_NOT_SIGNED_IN: 401,
  FP_AUTH_BAD_CREDENTIALS: 401,
  FP_AUTH_FORBIDDEN: 403,
  FP_AUTH_CSRF: 403,
  FP_AUTH_PASSWORD_CHANGE_DUE: 403,
  FP_AUTH_USER_EXISTS: 409,
  FP_AUTH_USER_NOT_FOUND: 404,
  FP_FOOTPRINT_EXISTS: 409,
  FP_FOOTPRINT_NOT_FOUND: 404,
  FP_FOOTPRINT_NOT_USER: 409,
  FP_PLACE_GROUPING_EXISTS: 409,
  FP_PLACE_GROUPING_NOT_FOUND: 404,
  FP_NETWORK_EXISTS: 409,
  FP_NETWORK_NOT_FOUND: 404,
  FP_NETWORK_SHIPPED: 409,
  FP_PLAN_SCENARIO_NOT_FOUND: 404,
  FP_PLAN_SCENARIO_EXISTS: 409,
  FP_PLAN_SCENARIO_CONFLICT: 409,
  FP_REPORT_UNKNOWN_ICB: 404,
  FP_HTTP_NOT_FOUND: 404,
  FP_ASSURANCE_ROUND_NOT_FOUND: 404,
  FP_ASSURANCE_REVIEW_NOT_FOUND: 404,
  FP_ASSURANCE_ATTACHMENT_NOT_FOUND: 404,
  FP_ASSURANCE_ATTACHMENT_TOO_LARGE: 413,
  FP_ASSURANCE_ATTACHMENT_TYPE: 415,
  FP_ASSURANCE_SELF_MODERATION: 409,
  FP_ASSURANCE_REVIEW_CONFLICT: 409,
  FP_ASSURANCE_NOT_RATED: 409,
  FP_INTENTION_NOT_FOUND: 404,
  FP_CONTRACT_NOT_FOUND: 404,
  FP_RISK_NOT_FOUND: 404,
  FP_KPI_NOT_FOUND: 404,
  FP_DEROGATION_NOT_FOUND: 404,
  FP_KLOE_TEMPLATE_NOT_FOUND: 404,
  FP_EXERCISE_NOT_FOUND: 404,
  FP_EXERCISE_EXISTS: 409,
  FP_DELEGATION_NOT_RUN: 404,
  FP_HTTP_UNSUPPORTED_MEDIA_TYPE: 415,
  FP_HTTP_BODY_TOO_LARGE: 413,
  FP_HTTP_RATE_LIMITED: 429,
  FP_PACK_BUSY: 429,
  FP_PACK_RATE_LIMITED: 429,
  FP_HTTP_INTERNAL: 500,
  FP_WORKSPACE_LOCKED: 503,
  FP_DATASET_NOT_FOUND: 404,
  FP_DATASET_IS_CURRENT: 409,
  FP_DATASET_ON_CLUSTER: 409,
  FP_DATASET_NO_REJECTS: 404,
};

/** The status for a FootprintError: a user problem is a 400 unless the code says otherwise. */
export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

function send(reply: FastifyReply, request: FastifyRequest, problem: Problem): FastifyReply {
  const route = request.routeOptions.url ?? request.url.split('?')[0];
  const where = { route, ...(problem.where?.parameter ? { parameter: problem.where.parameter } : {}) };
  if (problem.retryAfterSeconds !== undefined) reply.header('retry-after', String(problem.retryAfterSeconds));
  return reply
    .code(statusOf(problem.code))
    .type('application/json; charset=utf-8')
    .send({
      error: {
        code: problem.code,
        message: problem.message,
        where,
        ...(problem.received !== undefined ? { received: problem.received } : {}),
        ...(problem.accepted !== undefined ? { accepted: problem.accepted } : {}),
        ...(problem.hint !== undefined ? { hint: problem.hint } : {}),
        // An unexpected failure is logged under this id; the answer carries it so it can be found.
        ...(problem.code === 'FP_HTTP_INTERNAL' ? { requestId: request.id } : {}),
      },
    });
}

const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'FP_HTTP_MALFORMED_JSON', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'FP_HTTP_MALFORMED_JSON',
    message: 'The request body is empty but its Content-Type says JSON.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'FP_HTTP_UNSUPPORTED_MEDIA_TYPE',
    message: 'The request body is not JSON; send Content-Type: application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'FP_HTTP_BODY_TOO_LARGE', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'FP_HTTP_BAD_REQUEST',
    message: 'The Content-Length header does not match the body.',
  },
};

export function problemOf(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof FootprintError) return error.problem;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0];
    const part = error.validationContext ?? 'request';
    const path = issue?.instancePath.replace(/^\//, '').replaceAll('/', '.') ?? '';
    const parameter = path ? `${part}.${path}` : part;
    return {
      code: 'FP_HTTP_BAD_REQUEST',
      message: `${parameter}: ${issue?.message ?? 'not accepted'}.`,
      where: { route: request.routeOptions.url, parameter },
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return { ...known, where: { parameter: 'body' } };
  if (fastifyError.statusCode === 429) {
    return { code: 'FP_HTTP_RATE_LIMITED', message: 'Too many sign-in attempts; wait a minute and try again.' };
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { code: 'FP_HTTP_BAD_REQUEST', message: 'The request was not accepted.' };
  }
  return {
    code: 'FP_HTTP_INTERNAL',
    message: `The server failed to answer this request. The details are in its log under request id ${request.id}.`,
  };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const problem = problemOf(error, request);
    if (problem.code === 'FP_HTTP_INTERNAL') {
      request.log.error({ err: error, route: request.routeOptions.url ?? null }, 'unexpected failure');
    }
    return send(reply, request, problem);
  });
}

/** 404 for an unknown API address, in the same shape as every other error. */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return send(reply, request, {
    code: 'FP_HTTP_NOT_FOUND',
    message: `Nothing is at ${request.method} ${request.url.split('?')[0]}.`,
  });
}
