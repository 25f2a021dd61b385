import type { Dispatcher, FormData } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import { DeadlineExceeded, ResponseTooLarge, toNetworkError } from './network-failure';

export interface RawRequest {
  origin: string;
  /** Path and query string. */
  path: string;
  method: 'GET' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  body?: string | FormData;
  /** Deadline for the whole exchange, from dispatch until the last byte of the answer. */
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface RawResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Sends one request and buffers its answer, knowing at every moment whether the request has
 * been handed to a socket. That is what separates "nothing was sent, retry freely" from
 * "Meta may have acted on it": undici calls `onRequestStart` right before it writes the
 * request on a connected socket, so a failure before that point provably sent nothing.
 * (undici's `request()` helper hides this, hence a handler of our own.)
 */
export function dispatchRequest(dispatcher: Dispatcher, request: RawRequest): Promise<RawResponse> {
  const pathOnly = request.path.split('?')[0] ?? request.path;
  return new Promise<RawResponse>((resolve, reject) => {
    let controller: Dispatcher.DispatchController | undefined;
    let settled = false;
    let statusCode = 0;
    let headers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    let size = 0;

    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      reject(toNetworkError(error, { method: request.method, path: pathOnly, dispatched: controller !== undefined }));
    };

    const deadline = setTimeout(() => {
      const error = new DeadlineExceeded(request.timeoutMs);
      // Still waiting for a connection: fail now; `onRequestStart` aborts it before any write.
      if (controller) controller.abort(error);
      else fail(error);
    }, request.timeoutMs);

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(requestController) {
        if (settled) {
          requestController.abort(new DeadlineExceeded(request.timeoutMs));
          return;
        }
        controller = requestController;
      },
      onResponseStart(_controller, status, responseHeaders) {
        statusCode = status;
        headers = responseHeaders;
      },
      onResponseData(responseController, chunk) {
        size += chunk.length;
        if (size > request.maxResponseBytes) responseController.abort(new ResponseTooLarge(request.maxResponseBytes));
        else chunks.push(chunk);
      },
      onResponseEnd() {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve({ statusCode, headers, body: Buffer.concat(chunks) });
      },
      onResponseError(_controller, error) {
        fail(error);
      },
    };

    try {
      dispatcher.dispatch(
        {
          origin: request.origin,
          path: request.path,
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
          // undici's own inactivity timers; the deadline above bounds the total.
          headersTimeout: request.timeoutMs,
          bodyTimeout: request.timeoutMs,
        },
        handler,
      );
    } catch (error) {
      fail(error);
    }
  });
}
