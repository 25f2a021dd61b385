import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isConnectionLoss } from '../db';
import { AppError, type ErrorEnvelope } from './app-error';
import { platformErrors } from './errors';
import type { ErrorStatuses } from './error-statuses';

function envelope(code: string, message: string, details?: Record<string, unknown>): ErrorEnvelope {
  return { error: details ? { code, message, details } : { code, message } };
}

/** Which platform refusal a Fastify error of bad input is. */
function refusalOfFastifyError(error: FastifyError, limits: { bodyLimitBytes: number }): AppError | undefined {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return platformErrors.schemaViolated(error.validation.map((v) => ({
      path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    })));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return platformErrors.invalidJson();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return platformErrors.payloadTooLarge(limits.bodyLimitBytes);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return platformErrors.jsonRequired();
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return platformErrors.invalidContentLength();
  }
  if (error instanceof SyntaxError) return platformErrors.invalidJson();
  return undefined;
}

/** Maps every failure to the contract's envelope; bad input is a 4xx with a code, never a 500. */
export function installErrorHandler(app: FastifyInstance, statuses: ErrorStatuses, limits: { bodyLimitBytes: number }): void {
  const answer = (request: FastifyRequest, reply: FastifyReply, error: AppError) => {
    const status = statuses.statusOf(error.code);
    if (status === undefined) {
      request.log.error({ code: error.code }, 'an error code has no HTTP status: add it to its module\'s error statuses');
      const internal = platformErrors.internal(request.id);
      return reply.status(500).send(envelope(internal.code, internal.message));
    }
    return reply.status(status).send(envelope(error.code, error.message, error.details));
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return answer(request, reply, error);
    const refusal = refusalOfFastifyError(error, limits);
    if (refusal) return answer(request, reply, refusal);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(envelope('bad_request', error.message));
    }
    // A lost database connection is our outage, not the caller's mistake: a retryable 503 (Meta and
    // API clients retry), and the pool replaces the connection meanwhile.
    if (isConnectionLoss(error)) {
      request.log.warn({ code: (error as { code?: string }).code }, 'database connection lost during a request');
      return answer(request, reply.header('retry-after', '1'), platformErrors.databaseUnreachable());
    }
    request.log.error({ err: error }, 'unhandled error');
    return answer(request, reply, platformErrors.internal(request.id));
  });
}

/**
 * Unknown routes get the JSON 404 envelope. With `appShellHtml`, a browser navigation (a GET of a
 * path that is not an API path and not a file) gets the single-page app instead, so deep links work.
 */
export function installNotFoundHandler(app: FastifyInstance, options: { appShellHtml?: string; apiPrefixes: string[] }): void {
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isNavigation = request.method === 'GET' && !options.apiPrefixes.some((p) => path.startsWith(p)) && !/\.[a-z0-9]+$/i.test(path);
    if (options.appShellHtml && isNavigation) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(options.appShellHtml);
    }
    return reply.status(404).send(envelope('not_found', `No route ${request.method} ${path}.`));
  });
}
