/**
 * The one error type of the product. `code` is snake_case and comes from a closed list of codes:
 * the platform's (`errors.ts` here) or a module's own (its `errors.ts`). An error says what went
 * wrong, never how HTTP answers it: the HTTP layer alone maps a code to a status (`error-statuses.ts`)
 * and turns the error into {"error": {"code", "message", "details"}}.
 */
export class AppError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorEnvelope {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
