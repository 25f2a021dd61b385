import type { GraphErrorClass } from './graph-error-codes';
import type { RetryPolicy } from './retry-policy';

/**
 * What became of the request at Meta:
 * - `rejected`: Meta (or the network edge in front of it) answered, and nothing happened.
 * - `not_sent`: the request never left this process or never reached a server (connect
 *   failure, refused before dispatch): sending again cannot duplicate anything.
 * - `uncertain`: the request was written to a server but no usable answer came back (timeout,
 *   connection lost, 504, unreadable 200). A send may have happened: do not resend blindly;
 *   the status webhook (matched by `biz_opaque_callback_data`) settles it.
 */
export type RequestOutcome = 'rejected' | 'not_sent' | 'uncertain';

export interface CloudApiErrorFields {
  class: GraphErrorClass;
  hint: string;
  outcome: RequestOutcome;
  method: string;
  /** The request path without its query string. */
  path: string;
  retry?: RetryPolicy;
}

const idempotentMethods = new Set(['GET', 'HEAD', 'DELETE']);

/** Every error the Cloud API client throws. Messages never contain the access token. */
export class CloudApiError extends Error {
  readonly class: GraphErrorClass;
  readonly hint: string;
  readonly outcome: RequestOutcome;
  readonly method: string;
  readonly path: string;
  readonly retry: RetryPolicy | undefined;
  /** Suggested wait before the first retry (retryable errors only). */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, fields: CloudApiErrorFields, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.class = fields.class;
    this.hint = fields.hint;
    this.outcome = fields.outcome;
    this.method = fields.method;
    this.path = fields.path;
    this.retry = fields.class === 'retryable' ? fields.retry : undefined;
    this.retryAfterMs = this.retry?.delayMs(0);
  }

  /** Retrying cannot cause a duplicate: the error is transient and the request provably had no effect, or it is idempotent. */
  get safeToRetry(): boolean {
    if (this.class !== 'retryable') return false;
    return this.outcome !== 'uncertain' || idempotentMethods.has(this.method);
  }

  toJSON(): Record<string, unknown> {
    const { class: errorClass, hint, outcome, method, path, retryAfterMs } = this;
    return { name: this.name, message: this.message, class: errorClass, hint, outcome, method, path, retryAfterMs };
  }
}

export interface GraphApiErrorFields extends CloudApiErrorFields {
  httpStatus: number;
  code: number;
  subcode: number | undefined;
  title: string;
  details: string | undefined;
  fbtraceId: string | undefined;
}

/** Meta answered with its Graph error envelope `{"error": {...}}`. */
export class GraphApiError extends CloudApiError {
  readonly httpStatus: number;
  readonly code: number;
  readonly subcode: number | undefined;
  readonly title: string;
  readonly details: string | undefined;
  readonly fbtraceId: string | undefined;

  constructor(fields: GraphApiErrorFields) {
    const detail = fields.details ? `: ${fields.details}` : '';
    super(`Graph API error ${fields.code} (HTTP ${fields.httpStatus}) on ${fields.method} ${fields.path}: ${fields.title}${detail}`, fields);
    this.httpStatus = fields.httpStatus;
    this.code = fields.code;
    this.subcode = fields.subcode;
    this.title = fields.title;
    this.details = fields.details;
    this.fbtraceId = fields.fbtraceId;
  }

  override toJSON(): Record<string, unknown> {
    const { httpStatus, code, subcode, title, details, fbtraceId } = this;
    return { ...super.toJSON(), httpStatus, code, subcode, title, details, fbtraceId };
  }
}

/** A non-2xx answer without a Graph error body (a proxy's 502, an expired media URL's 404…). */
export class GraphHttpError extends CloudApiError {
  constructor(readonly httpStatus: number, fields: CloudApiErrorFields) {
    super(`HTTP ${httpStatus} without a Graph error body on ${fields.method} ${fields.path}`, fields);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), httpStatus: this.httpStatus };
  }
}

/**
 * Why no answer came back. `connect_failed`, `cancelled_before_dispatch` (the deadline passed
 * while waiting for a connection) and `invalid_request` (undici refused to build it) are
 * always `not_sent`; `timeout`, `connection_lost` and `response_too_large` are `uncertain`.
 */
export type NetworkFailure =
  | 'connect_failed'
  | 'cancelled_before_dispatch'
  | 'invalid_request'
  | 'timeout'
  | 'connection_lost'
  | 'response_too_large';

/** No HTTP answer at all. */
export class GraphNetworkError extends CloudApiError {
  constructor(readonly failure: NetworkFailure, fields: CloudApiErrorFields, cause: unknown) {
    super(`Network failure (${failure}) on ${fields.method} ${fields.path}`, fields, { cause });
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), failure: this.failure };
  }
}

/** A 2xx answer whose body is not what Meta documents; for a send, its wamid is unknown. */
export class UnexpectedGraphResponseError extends CloudApiError {
  constructor(readonly httpStatus: number, readonly issues: string[], fields: CloudApiErrorFields) {
    super(`Unexpected Graph response (HTTP ${httpStatus}) on ${fields.method} ${fields.path}: ${issues.join('; ')}`, fields);
  }
}
