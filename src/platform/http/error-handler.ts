import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isConnectionLoss } from '../db';
import { AppError, type ErrorEnvelope } from './app-error';

function envelope(code: string, message: string, details?: Record<string, unknown>): ErrorEnvelope {
  return { error: details ? { code, message, details } : { code, message } };
}

/** Maps every failure to the contract's envelope; bad input is a 4xx with a code, never a 500. */
export function installErrorHandler(app: FastifyInstance, limits: { bodyLimitBytes: number }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send(envelope(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      return reply.status(422).send(envelope('validation_failed', 'The request does not match the schema.', { issues }));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send(envelope('invalid_json', 'The body is not valid JSON.'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply
          .status(413)
          .send(envelope('payload_too_large', `The body is larger than ${limits.bodyLimitBytes} bytes.`, { limitBytes: limits.bodyLimitBytes }));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send(envelope('unsupported_media_type', 'Send the body as application/json.'));
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return reply.status(400).send(envelope('invalid_content_length', 'Content-Length does not match the body.'));
    }
    if (error instanceof SyntaxError) {
      return reply.status(400).send(envelope('invalid_json', 'The body is not valid JSON.'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(envelope('bad_request', error.message));
    }
    // A lost database connection is our outage, not the caller's mistake: a retryable 503 (Meta and
    // API clients retry), and the pool replaces the connection meanwhile.
    if (isConnectionLoss(error)) {
      request.log.warn({ code: (error as { code?: string }).code }, 'database connection lost during a request');
      return reply.status(503).header('retry-after', '1').send(envelope('service_unavailable', 'We could not reach our database for a moment. Please try again in a few seconds.'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(envelope('internal_error', `Something went wrong on our side (request ${request.id}).`));
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
