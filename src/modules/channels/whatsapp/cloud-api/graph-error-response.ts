import { z } from 'zod';
import { classifyGraphError } from './classify-graph-error';
import { GraphApiError, GraphHttpError, type CloudApiErrorFields } from './errors';
import { parseJson } from './parse-json';
import { exponential } from './retry-policy';

const graphErrorEnvelope = z.object({
  error: z.object({
    message: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_data: z.object({ details: z.string().optional() }).loose().optional(),
    error_user_msg: z.string().optional(),
    fbtrace_id: z.string().optional(),
  }).loose(),
});

export interface FailedExchange {
  method: string;
  path: string;
  httpStatus: number;
  body: Buffer;
  /** Removes the access token from any text taken from the answer, should a server echo it. */
  scrub(text: string): string;
}

/** Maps a non-2xx answer to a GraphApiError (Graph envelope) or a GraphHttpError (anything else). */
export function errorFromResponse(exchange: FailedExchange): GraphApiError | GraphHttpError {
  const parsed = graphErrorEnvelope.safeParse(parseJson(exchange.body));
  if (!parsed.success) return httpErrorFor(exchange);

  const { error } = parsed.data;
  const classification = classifyGraphError(error.code, { httpStatus: exchange.httpStatus });
  const details = error.error_data?.details ?? error.error_user_msg;
  return new GraphApiError({
    class: classification.class,
    hint: classification.hint,
    ...(classification.retry ? { retry: classification.retry } : {}),
    outcome: 'rejected',
    method: exchange.method,
    path: exchange.path,
    httpStatus: exchange.httpStatus,
    code: error.code,
    subcode: error.error_subcode,
    // Meta's message is "(#131047) Re-engagement message"; the code is carried separately.
    title: exchange.scrub((error.message ?? 'Graph API error').replace(/^\(#\d+\)\s*/, '')),
    details: details === undefined ? undefined : exchange.scrub(details),
    fbtraceId: error.fbtrace_id,
  });
}

function httpErrorFor(exchange: FailedExchange): GraphHttpError {
  const { httpStatus, method, path } = exchange;
  const base = { method, path, outcome: 'rejected' as const };
  return new GraphHttpError(httpStatus, httpErrorFields(httpStatus, base));
}

function httpErrorFields(status: number, base: Pick<CloudApiErrorFields, 'method' | 'path' | 'outcome'>): CloudApiErrorFields {
  if (status >= 500) {
    // A gateway timeout means the server behind it may still have acted on the request.
    const outcome = status === 504 ? 'uncertain' : base.outcome;
    return { ...base, outcome, class: 'retryable', hint: `The Graph API answered HTTP ${status}: retrying with backoff`, retry: exponential(2_000, 3, 'request') };
  }
  if (status === 429) {
    return { ...base, class: 'retryable', hint: 'Too many requests (HTTP 429): slowing down and retrying', retry: exponential(5_000, 5, 'phone_number') };
  }
  if (status === 401 || status === 403) {
    return { ...base, class: 'auth_failed', hint: `The server refused the access token (HTTP ${status}): reconnect the channel` };
  }
  if (status === 404) {
    return { ...base, class: 'terminal', hint: 'Not found: the id does not exist here, or the media URL expired (they last 5 minutes: retrieve the media again for a new URL)' };
  }
  return { ...base, class: 'terminal', hint: `Unexpected HTTP ${status} from the Graph API` };
}
