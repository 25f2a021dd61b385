import { CloudApiError } from './errors';
import { fixed } from './retry-policy';

export type MediaDownloadFailure = 'untrusted_url' | 'too_large' | 'sha256_mismatch';

const hints: Record<MediaDownloadFailure, string> = {
  untrusted_url: "The media URL is not on Meta's media host or the Graph API's origin, so the access token was not sent to it",
  too_large: 'The media is larger than allowed for this download: stream it instead or raise the limit',
  sha256_mismatch: "The downloaded bytes do not match Meta's SHA-256: download the media again",
};

/** A media download refused or rejected on our side (the HTTP exchange itself succeeded or never started). */
export class MediaDownloadError extends CloudApiError {
  constructor(readonly failure: MediaDownloadFailure, path: string) {
    const retryable = failure === 'sha256_mismatch';
    super(`Media download failed (${failure}) on GET ${path}`, {
      class: retryable ? 'retryable' : 'terminal',
      hint: hints[failure],
      outcome: failure === 'untrusted_url' ? 'not_sent' : 'rejected',
      method: 'GET',
      path,
      ...(retryable ? { retry: fixed(1_000, 1, 'request') } : {}),
    });
  }
}
