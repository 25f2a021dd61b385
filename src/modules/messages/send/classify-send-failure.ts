import { CloudApiError, GraphApiError, GraphHttpError, GraphNetworkError, InvalidMessageError, type RetryScope } from '../../channels';
import { MediaUploadFailure } from '../media/media-upload-failure';

export interface SendFailureInfo {
  code: number | string;
  title: string | null;
  class: string;
  hint: string;
  details?: string | null;
}

/** What to do with a failed dispatch. */
export type FailureAction =
  | { kind: 'retry'; scope: RetryScope; delayMs: number; maxRetries: number; error: SendFailureInfo }
  | { kind: 'uncertain'; error: SendFailureInfo }
  | { kind: 'fail'; error: SendFailureInfo };

function infoOf(error: unknown): SendFailureInfo {
  if (error instanceof GraphApiError) return { code: error.code, title: error.title, class: error.class, hint: error.hint, details: error.details ?? null };
  if (error instanceof GraphHttpError) return { code: `http_${error.httpStatus}`, title: null, class: error.class, hint: error.hint };
  if (error instanceof GraphNetworkError) return { code: `network_${error.failure}`, title: null, class: error.class, hint: error.hint };
  if (error instanceof MediaUploadFailure) return { code: error.code, title: error.title, class: error.retryable ? 'retryable' : 'terminal', hint: error.hint, details: error.details };
  if (error instanceof InvalidMessageError) return { code: 'invalid_message', title: 'The message does not match Meta\'s format', class: 'terminal', hint: error.message };
  if (error instanceof CloudApiError) return { code: 'unexpected_response', title: null, class: error.class, hint: error.hint };
  return { code: 'internal_error', title: null, class: 'retryable', hint: 'An unexpected error in the sender; retrying.' };
}

/**
 * A retryable failure that provably had no effect is retried (the caller adds jitter and counts
 * attempts); one whose request may have left is uncertain and never resent; the rest fail.
 */
export function classifySendFailure(error: unknown, retryIndex: number): FailureAction {
  const info = infoOf(error);
  if (error instanceof MediaUploadFailure) {
    if (!error.retryable) return { kind: 'fail', error: info };
    const policy = error.retryPolicy();
    return { kind: 'retry', scope: policy.scope, delayMs: policy.delayMs(retryIndex), maxRetries: policy.maxRetries, error: info };
  }
  if (error instanceof CloudApiError) {
    if (error.outcome === 'uncertain') return { kind: 'uncertain', error: info };
    if (error.safeToRetry && error.retry) return { kind: 'retry', scope: error.retry.scope, delayMs: error.retry.delayMs(retryIndex), maxRetries: error.retry.maxRetries, error: info };
    return { kind: 'fail', error: info };
  }
  if (error instanceof InvalidMessageError) return { kind: 'fail', error: info };
  return { kind: 'retry', scope: 'request', delayMs: 2_000 * 2 ** retryIndex, maxRetries: 5, error: info };
}
