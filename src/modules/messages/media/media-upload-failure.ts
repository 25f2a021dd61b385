import { CloudApiError, GraphApiError, type RetryPolicy } from '../../channels';

export type MediaUploadFailureCode = 'media_not_found' | 'media_not_ready' | 'media_upload_failed';

/**
 * A send whose medium could not be put on Meta's side of its phone number. The message itself
 * never left, so a transient failure is retried even when the upload's own outcome is uncertain:
 * at worst Meta holds an unused copy of the file.
 */
const TITLES: Record<MediaUploadFailureCode, string> = {
  media_not_found: 'The medium no longer exists',
  media_not_ready: 'The medium is not stored yet',
  media_upload_failed: 'Meta did not take the medium',
};

export class MediaUploadFailure extends Error {
  readonly details: string | null;
  readonly title: string;

  constructor(readonly code: MediaUploadFailureCode, readonly hint: string, readonly retryable: boolean, options: { cause?: unknown; details?: string } = {}) {
    super(`the send's medium is unavailable: ${code}`, { cause: options.cause });
    this.details = options.details ?? null;
    this.title = TITLES[code];
  }

  /** Meta refused or did not answer the upload: its classification decides whether to retry. */
  static fromUpload(error: unknown): MediaUploadFailure {
    if (!(error instanceof CloudApiError)) return new MediaUploadFailure('media_upload_failed', 'Uploading the medium to Meta failed unexpectedly; retrying.', true, { cause: error });
    const graph = error instanceof GraphApiError ? `Graph error ${error.code}: ` : '';
    return new MediaUploadFailure('media_upload_failed', `Uploading the medium to Meta failed. ${graph}${error.hint}`, error.class === 'retryable', {
      cause: error,
      ...(error instanceof GraphApiError && error.details ? { details: error.details } : {}),
    });
  }

  /** How the send waits before retry number `retry`: Meta's advice for the upload's error, else a short backoff. */
  retryPolicy(): RetryPolicy {
    const advice = this.cause instanceof CloudApiError ? this.cause.retry : undefined;
    return advice ?? { scope: 'request', maxRetries: 5, delayMs: (retry) => 2_000 * 2 ** retry };
  }
}
