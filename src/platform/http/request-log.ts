import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { UNMATCHED_ROUTE } from '../logging';

/**
 * The route template a request matched (`/api/v1/contacts/:id`), never its raw URL: paths and
 * query strings carry what must not reach a log (search terms such as phone numbers and names,
 * invitation tokens, the webhook verify token, the sandbox phone key). A request that matched no
 * route logs a fixed placeholder, since its path is just as much caller-supplied text.
 */
const routeOf = (request: FastifyRequest) => (request.is404 ? undefined : request.routeOptions.url) ?? UNMATCHED_ROUTE;

/**
 * Fastify's request lines log `req.url` with its query string, and its not-found line the raw
 * URL. This controller writes one line per request when the response is done, with the method,
 * route template, status and duration (the child logger adds the request id), and nothing else.
 * Its other lines (stream and serializer errors) stay, and the logger's `req` serializer keeps
 * them to method and route.
 */
export class RouteTemplateLogController extends LogController {
  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, route: routeOf(request), statusCode: reply.statusCode, durationMs: Math.round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
