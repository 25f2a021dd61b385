export { createServer, API_BODY_LIMIT_BYTES, type AppInstance, type ServerOptions, type RouteEntry } from './create-server';
export { AppError, type ErrorEnvelope } from './app-error';
export { notFound, unauthenticated, forbidden, platformErrors, platformErrorCodes, type PlatformErrorCode, type ValidationIssue } from './errors';
export { registerErrorStatuses, platformErrorStatuses, type ErrorStatuses } from './error-statuses';
export { pageQuery, pageOf, decodeCursor, encodeCursor, listResponse, type Cursor } from './pagination';
export { installNotFoundHandler } from './error-handler';
export { idempotent, idempotencyHeaders } from './idempotent';
