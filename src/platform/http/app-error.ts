/**
 * The one error type of the product. `code` is snake_case and comes from a module's closed
 * enum of codes; the HTTP layer turns it into {"error": {"code", "message", "details"}}.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'resource') => new AppError(404, 'not_found', `No such ${what} in this workspace.`);
export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', 'Sign in, or send a valid API key as "Authorization: Bearer <key>".');
export const forbidden = (action: string) => new AppError(403, 'forbidden', `Your role may not ${action}.`);

export interface ErrorEnvelope {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
