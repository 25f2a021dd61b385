export { createServer, API_BODY_LIMIT_BYTES, type AppInstance, type ServerOptions, type RouteEntry } from './create-server';
export { AppError, notFound, unauthenticated, forbidden, type ErrorEnvelope } from './app-error';
export { pageQuery, pageOf, decodeCursor, encodeCursor, listResponse, type Cursor } from './pagination';
export { installNotFoundHandler } from './error-handler';
export { idempotent, idempotencyHeaders, type IdempotencyErrorCode } from './idempotent';
