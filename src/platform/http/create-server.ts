import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import cookie from '@fastify/cookie';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from '../logging';
import { installErrorHandler } from './error-handler';
import { ErrorStatuses, platformErrorStatuses } from './error-statuses';
import { RouteTemplateLogController } from './request-log';
import { docsContentSecurityPolicy, installSecurityHeaders } from './security-headers';
import { installTextGuard, MAX_JSON_DEPTH } from './text-guard';

export type AppInstance = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export interface RouteEntry {
  method: string;
  url: string;
  access: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Documented in the OpenAPI document and the contract: 1 MiB for the API. */
export const API_BODY_LIMIT_BYTES = 1024 * 1024;

export interface ServerOptions {
  logger: Logger;
  trustProxy: boolean;
  publicUrl: string;
  version: string;
  /** Appended to the OpenAPI description (e.g. the permission matrix). */
  apiDescription?: string;
}

export async function createServer(options: ServerOptions): Promise<AppInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: API_BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy,
    // A caller's X-Request-Id is kept when it looks like an id; anything else (it is logged on every
    // line) is replaced, so the header cannot carry text into the logs.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logController: new RouteTemplateLogController(),
    // An over-long id is still just an id that names nothing: 404, not 414.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
  }).withTypeProvider<ZodTypeProvider>();

  // The route table drives generated suites (cross-tenant, permissions) and the docs.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: (route.config as { access?: string } | undefined)?.access });
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const errorStatuses = new ErrorStatuses();
  errorStatuses.add(platformErrorStatuses);
  app.decorate('errorStatuses', errorStatuses);
  installErrorHandler(app, errorStatuses, { bodyLimitBytes: API_BODY_LIMIT_BYTES });
  installTextGuard(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await installSecurityHeaders(app, { publicUrl: options.publicUrl });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'WhatGrowPro API',
        version: options.version,
        description:
          'WhatsApp Business messaging: inbox, contacts with consent, templates, campaigns. ' +
          `Errors are {"error": {"code", "message", "details"}}. Request bodies are limited to ${API_BODY_LIMIT_BYTES} bytes ` +
          '(413 payload_too_large); the Meta webhook route takes up to 4 MiB. Malformed JSON → 400 invalid_json; ' +
          'schema violations → 422 validation_failed with details.issues. An id of another workspace is 404. ' +
          'Text that cannot be stored (a NUL character, half of a UTF-16 surrogate pair) in a body or query string → 422 invalid_text ' +
          `with details.issues; in a path id → 404 (it names nothing); JSON nested more than ${MAX_JSON_DEPTH} levels → 400 too_deeply_nested.` +
          (options.apiDescription ? `\n\n${options.apiDescription}` : ''),
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key of one workspace; it carries a role.' },
          session: { type: 'apiKey', in: 'cookie', name: 'wgp_session', description: 'The dashboard session; mutations need X-CSRF-Token.' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // swagger-ui replaces the policy helmet set with the docs' own (the same plus one style hash).
  const docsPolicy = docsContentSecurityPolicy(options.publicUrl.startsWith('https:'));
  await app.register(swaggerUi, { routePrefix: '/docs', transformStaticCSP: () => docsPolicy });
  return app;
}
