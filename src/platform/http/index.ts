export { createServer, API_BODY_LIMIT_BYTES, type AppInstance } from './create-server';
export { AppError } from './app-error';
export { notFound, unauthenticated, forbidden, platformErrors, type PlatformErrorCode, type ValidationIssue } from './errors';
export { registerErrorStatuses, platformErrorStatuses } from './error-statuses';
export { pageQuery, pageOf, decodeCursor, encodeCursor, listResponse, type Cursor } from './pagination';
export { installNotFoundHandler } from './error-handler';
export { idempotent, idempotencyHeaders } from './idempotent';
