import { AppError } from './app-error';

/** The codes every module may use; a module's own codes are listed in its `errors.ts`. */
export const platformErrorCodes = [
  'not_found',
  'validation_failed',
  'forbidden',
  'unauthenticated',
  'invalid_cursor',
  'invalid_text',
  'too_deeply_nested',
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_content_length',
  'idempotency_conflict',
  'idempotency_in_progress',
  'url_not_allowed',
  'service_unavailable',
  'internal_error',
] as const;
export type PlatformErrorCode = (typeof platformErrorCodes)[number];

/** One problem of a `validation_failed` answer: where (a dotted path) and what is wrong there. */
export interface ValidationIssue {
  path: string;
  message: string;
  code?: string;
}

const platformError = (code: PlatformErrorCode, message: string, details?: Record<string, unknown>) => new AppError(code, message, details);

export const notFound = (what = 'resource') => platformError('not_found', `No such ${what} in this workspace.`);
export const unauthenticated = () => platformError('unauthenticated', 'Sign in, or send a valid API key as "Authorization: Bearer <key>".');
export const forbidden = (action: string) => platformError('forbidden', `Your role may not ${action}.`);

export const platformErrors = {
  schemaViolated: (issues: ValidationIssue[]) => platformError('validation_failed', 'The request does not match the schema.', { issues }),
  invalidCursor: () => platformError('invalid_cursor', 'The cursor is not one this API returned.'),
  invalidText: (path: string) =>
    platformError('invalid_text', 'Some text in the request contains a character that cannot be stored (an invisible null character or half of an emoji). Remove it and try again.', {
      issues: [{ path, message: 'contains a null character or an unpaired surrogate' }],
    }),
  tooDeeplyNested: (maxDepth: number) =>
    platformError('too_deeply_nested', `The request nests lists or objects more than ${maxDepth} levels deep, which no part of this API accepts.`, { maxDepth }),
  invalidJson: () => platformError('invalid_json', 'The body is not valid JSON.'),
  payloadTooLarge: (limitBytes: number) => platformError('payload_too_large', `The body is larger than ${limitBytes} bytes.`, { limitBytes }),
  jsonRequired: () => platformError('unsupported_media_type', 'Send the body as application/json.'),
  invalidContentLength: () => platformError('invalid_content_length', 'Content-Length does not match the body.'),
  idempotencyConflict: () => platformError('idempotency_conflict', 'This Idempotency-Key was used with a different body.'),
  idempotencyInProgress: () => platformError('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed; retry shortly.'),
  /**
   * The one answer to every outbound address we refuse or cannot reach while connecting: the same
   * for a private address, a name that does not resolve, a closed, open or filtered port, so the
   * product cannot be used to map a network it should not see.
   */
  urlNotAllowed: () => platformError('url_not_allowed', 'We could not reach that address. Use a public https address.'),
  databaseUnreachable: () => platformError('service_unavailable', 'We could not reach our database for a moment. Please try again in a few seconds.'),
  internal: (requestId: string) => platformError('internal_error', `Something went wrong on our side (request ${requestId}).`),
};

/** A stored refusal brought back as the error it was (an idempotent replay). */
export const replayedError = (refusal: { code: string; message: string; details?: Record<string, unknown> }) => new AppError(refusal.code, refusal.message, refusal.details);
