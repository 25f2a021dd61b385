import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CloudApiError } from './errors';
import { errorFromResponse } from './graph-error-response';
import type { GraphHttp } from './graph-http';
import { MediaDownloadError } from './media-download-error';
import { sha256DigestMatches } from './media-sha256';
import { toNetworkError } from './network-failure';

export interface MediaStream {
  body: Readable;
  mimeType: string | undefined;
  contentLength: number | undefined;
}

/** Meta serves media from lookaside.fbsbx.com; a URL anywhere else must not receive our token. */
function isTrustedMediaUrl(url: URL, graphOrigin: string, extraOrigins: readonly string[]): boolean {
  if (url.origin === graphOrigin || extraOrigins.includes(url.origin)) return true;
  return url.protocol === 'https:' && (url.hostname === 'fbsbx.com' || url.hostname.endsWith('.fbsbx.com'));
}

/**
 * Downloads a medium from the URL `getMedia` returned (valid 5 minutes), sending the bearer
 * token only to a trusted origin and following no redirect. The deadline covers the wait for
 * the answer's headers; the body then streams with an inactivity timeout, since files reach
 * 100 MB. An expired URL answers 404: call `getMedia` again for a new one.
 */
export async function downloadMedia(http: GraphHttp, mediaUrl: string, trustedOrigins: readonly string[] = []): Promise<MediaStream> {
  const url = new URL(mediaUrl);
  // The query string of a media URL is a credential of its own: keep it out of errors and logs.
  const path = url.pathname;
  if (!isTrustedMediaUrl(url, http.origin, trustedOrigins)) throw new MediaDownloadError('untrusted_url', path);

  const abort = new AbortController();
  const deadline = setTimeout(() => abort.abort(), http.timeoutMs);
  const started = performance.now();
  try {
    const response = await http.transport.dispatcher.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: 'GET',
      headers: http.authorizationHeaders({ accept: '*/*' }),
      signal: abort.signal,
      headersTimeout: http.timeoutMs,
      bodyTimeout: http.timeoutMs,
    });
    if (response.statusCode < 200 || response.statusCode >= 300) {
      const body = Buffer.from(await response.body.arrayBuffer());
      throw errorFromResponse({ method: 'GET', path, httpStatus: response.statusCode, body, scrub: (text) => http.scrub(text) });
    }
    const length = Number(response.headers['content-length']);
    const type = response.headers['content-type'];
    return {
      body: response.body,
      mimeType: typeof type === 'string' ? type : undefined,
      contentLength: Number.isFinite(length) ? length : undefined,
    };
  } catch (error) {
    const failure = error instanceof CloudApiError ? error : toNetworkError(error, { method: 'GET', path, dispatched: undefined });
    http.logFailure(failure, performance.now() - started);
    throw failure;
  } finally {
    clearTimeout(deadline);
  }
}

/**
 * Downloads a medium into memory, refusing more than `maxBytes` and, when `expectedSha256` is
 * given (from `getMedia` or the webhook), checking the bytes against it.
 */
export async function downloadMediaBytes(
  http: GraphHttp,
  mediaUrl: string,
  options: { expectedSha256?: string; maxBytes?: number; trustedOrigins?: readonly string[] } = {},
): Promise<{ bytes: Buffer; mimeType: string | undefined }> {
  const maxBytes = options.maxBytes ?? 100 * 1024 * 1024;
  const media = await downloadMedia(http, mediaUrl, options.trustedOrigins);
  const path = new URL(mediaUrl).pathname;
  if (media.contentLength !== undefined && media.contentLength > maxBytes) {
    discard(media.body);
    throw new MediaDownloadError('too_large', path);
  }
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of media.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new MediaDownloadError('too_large', path);
      hash.update(chunk);
      chunks.push(chunk);
    }
  } catch (error) {
    discard(media.body);
    // The answer had started, so the request was sent; reading it again is harmless (GET).
    throw error instanceof CloudApiError ? error : toNetworkError(error, { method: 'GET', path, dispatched: true });
  }
  if (options.expectedSha256 !== undefined && !sha256DigestMatches(hash.digest(), options.expectedSha256)) {
    throw new MediaDownloadError('sha256_mismatch', path);
  }
  return { bytes: Buffer.concat(chunks), mimeType: media.mimeType };
}

/** Stops reading an answer; undici reports the abort as an error event that nobody needs. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}
