import { ADDRESS_REFUSED } from '../../../../platform/net';
import { GraphNetworkError, type CloudApiErrorFields, type NetworkFailure } from './errors';
import { exponential } from './retry-policy';

/** Failures that happen before a connection exists, so before any byte of the request left. */
const connectErrorCodes = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  // The outbound-address guard refused the address before connecting.
  ADDRESS_REFUSED,
]);

const timeoutErrorCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export class DeadlineExceeded extends Error {
  constructor(timeoutMs: number) {
    super(`No complete answer within ${timeoutMs} ms`);
  }
}

export class ResponseTooLarge extends Error {
  constructor(maxBytes: number) {
    super(`The answer exceeded ${maxBytes} bytes`);
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const notSentHint = 'Could not reach the Graph API (nothing was sent): retrying is safe';
const uncertainHint =
  'The request reached the Graph API but no answer came back: it may have taken effect, so do not resend blindly; the status webhook settles it';

const advice: Record<NetworkFailure, Pick<CloudApiErrorFields, 'class' | 'outcome' | 'hint'>> = {
  connect_failed: { class: 'retryable', outcome: 'not_sent', hint: notSentHint },
  cancelled_before_dispatch: { class: 'retryable', outcome: 'not_sent', hint: notSentHint },
  invalid_request: {
    class: 'terminal',
    outcome: 'not_sent',
    hint: 'The request could not be built (an invalid header or URL): check the access token and the base URL',
  },
  timeout: { class: 'retryable', outcome: 'uncertain', hint: uncertainHint },
  connection_lost: { class: 'retryable', outcome: 'uncertain', hint: uncertainHint },
  response_too_large: {
    class: 'terminal',
    outcome: 'uncertain',
    hint: 'The server answered with far more data than the Graph API sends: check the base URL; the request may have taken effect',
  },
};

/**
 * Turns a transport error into a GraphNetworkError. `dispatched` says whether undici had
 * started writing the request on a socket; when unknown (undefined), only errors that
 * structurally precede any write count as not sent.
 */
export function toNetworkError(
  error: unknown,
  request: { method: string; path: string; dispatched: boolean | undefined },
): GraphNetworkError {
  const failure = failureOf(error, request.dispatched);
  const fields: CloudApiErrorFields = { ...advice[failure], method: request.method, path: request.path, retry: exponential(1_000, 3, 'request') };
  return new GraphNetworkError(failure, fields, error);
}

function failureOf(error: unknown, dispatched: boolean | undefined): NetworkFailure {
  const code = errorCode(error);
  if (code === 'UND_ERR_INVALID_ARG') return 'invalid_request';
  if (code && connectErrorCodes.has(code)) return 'connect_failed';
  if (dispatched === false) return error instanceof DeadlineExceeded ? 'cancelled_before_dispatch' : 'connect_failed';
  if (error instanceof ResponseTooLarge) return 'response_too_large';
  if (error instanceof DeadlineExceeded || (code && timeoutErrorCodes.has(code))) return 'timeout';
  return 'connection_lost';
}
