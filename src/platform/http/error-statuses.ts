import type { FastifyInstance } from 'fastify';
import type { PlatformErrorCode } from './errors';

/**
 * The HTTP status of every error code: the one place where a code meets HTTP. Each module's routes
 * hand over their module's map (`satisfies Record<ModuleErrorCode, number>`, so a code without a
 * status does not compile) when they are registered; the error handler and idempotent replays look
 * statuses up here.
 */
export class ErrorStatuses {
  readonly #statusByCode = new Map<string, number>();

  add(statusByCode: Readonly<Record<string, number>>): void {
    for (const [code, status] of Object.entries(statusByCode)) {
      const known = this.#statusByCode.get(code);
      // Two statuses for one code would make the answer depend on which route threw it.
      if (known !== undefined && known !== status) throw new Error(`Error code ${code} is mapped to both ${known} and ${status}.`);
      this.#statusByCode.set(code, status);
    }
  }

  /** Undefined for a code no map names: a programming error, answered 500 by the error handler. */
  statusOf(code: string): number | undefined {
    return this.#statusByCode.get(code);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    errorStatuses: ErrorStatuses;
  }
}

/** Called by each module's route registration with its module's map. */
export function registerErrorStatuses(app: FastifyInstance, statusByCode: Readonly<Record<string, number>>): void {
  app.errorStatuses.add(statusByCode);
}

export const platformErrorStatuses = {
  not_found: 404,
  validation_failed: 422,
  forbidden: 403,
  unauthenticated: 401,
  invalid_cursor: 422,
  invalid_text: 422,
  too_deeply_nested: 400,
  invalid_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_content_length: 400,
  idempotency_conflict: 409,
  idempotency_in_progress: 409,
  url_not_allowed: 422,
  service_unavailable: 503,
  internal_error: 500,
} as const satisfies Record<PlatformErrorCode, number>;
