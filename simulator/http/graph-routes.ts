// The Graph API over HTTP: `/<version>?/<node>/<edge>?` under the plugin's prefix, answered
// with Meta's JSON encoding and, for failures, Meta's error envelope.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SimulatorEngine } from '../engine/engine';
import { GraphError } from '../graph/graph-error';
import { dispatchGraph } from '../graph/dispatch';
import type { GraphReply, GraphRequest } from '../graph/graph-request';
import { encodeMetaJson } from '../webhooks/meta-json';
import { bearerToken } from './body-parsers';

const VERSION = /^v\d+(?:\.\d+)?$/;

export async function graphRoutes(app: FastifyInstance, opts: { engine: SimulatorEngine }): Promise<void> {
  const { engine } = opts;
  const prefix = app.prefix;
  const fail = (reply: FastifyReply, err: GraphError) => send(reply, { status: err.httpStatus, json: err.toEnvelope(engine.random.fbtraceId()) });

  app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
    if (err instanceof GraphError) return fail(reply, err);
    if (err.statusCode === 413) return fail(reply, new GraphError(100, 'The request body is too large.').withStatus(413));
    if (err.statusCode && err.statusCode < 500) return fail(reply, new GraphError(100, err.message));
    console.error('simulator: graph request failed', err);
    return fail(reply, new GraphError(1, 'An unknown error occurred.').withStatus(500));
  });

  app.route({
    method: ['GET', 'POST', 'DELETE'],
    url: '/*',
    handler(req: FastifyRequest, reply: FastifyReply) {
      const segments = ((req.params as { '*'?: string })['*'] ?? '').split('/').filter((s) => s !== '');
      const version = segments[0] !== undefined && VERSION.test(segments[0]) ? segments.shift()! : null;
      const query = req.query as Record<string, string | undefined>;
      const graphReq: GraphRequest = {
        engine,
        method: req.method,
        segments: segments.map(decodeURIComponent),
        version,
        query,
        body: req.body,
        token: bearerToken(req.headers.authorization) ?? query.access_token ?? null,
        // Only media and paging need it; the send path does not pay for it.
        get baseUrl() {
          return `${req.protocol}://${req.host}${prefix}`;
        },
      };
      try {
        send(reply, dispatchGraph(graphReq));
      } catch (err) {
        if (!(err instanceof GraphError)) throw err;
        fail(reply, err);
      }
    },
  });
}

function send(reply: FastifyReply, r: GraphReply): void {
  if (r.file) {
    reply.code(r.status).header('content-type', r.file.contentType).send(r.file.data);
    return;
  }
  reply.code(r.status).header('content-type', 'application/json; charset=UTF-8').send(r.encoded ?? encodeMetaJson(r.json));
}
