import type { FormData } from 'undici';
import type { z } from 'zod';
import { dispatchRequest, type RawResponse } from './dispatch-request';
import { CloudApiError, UnexpectedGraphResponseError } from './errors';
import { errorFromResponse } from './graph-error-response';
import { parseJson } from './parse-json';
import type { GraphTransport } from './graph-transport';

/** The subset of a pino logger the client uses; it only ever logs ids, codes and timings. */
export interface CloudApiLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface GraphHttpConfig {
  baseUrl: string;
  apiVersion: string;
  accessToken: string;
  timeoutMs: number;
  transport: GraphTransport;
  logger?: CloudApiLogger;
}

export interface GraphCall<T> {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path under the version, starting with `/`: `/106540352242922/messages`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  form?: FormData;
  /** What a success must look like; anything else is an UnexpectedGraphResponseError. */
  schema: z.ZodType<T>;
  /** Overrides the client's deadline, for uploads of large files. */
  timeoutMs?: number;
}

// Template lists and phone number info are small; this only stops a misbehaving server.
const maxResponseBytes = 16 * 1024 * 1024;

/**
 * Authenticated JSON calls to one Graph API base URL. The token lives in a private field and
 * goes nowhere but the Authorization header: not in URLs, error messages or logs.
 */
export class GraphHttp {
  readonly #accessToken: string;
  readonly #config: Omit<GraphHttpConfig, 'accessToken'>;
  readonly #origin: string;
  readonly #pathPrefix: string;

  constructor(config: GraphHttpConfig) {
    const { accessToken, ...rest } = config;
    this.#accessToken = accessToken;
    this.#config = rest;
    const base = new URL(config.baseUrl);
    this.#origin = base.origin;
    // A base URL may carry a path, as the in-process sandbox does (`…/sandbox/graph`).
    this.#pathPrefix = `${base.pathname.replace(/\/+$/, '')}/${config.apiVersion}`;
  }

  get origin(): string {
    return this.#origin;
  }

  get timeoutMs(): number {
    return this.#config.timeoutMs;
  }

  get transport(): GraphTransport {
    return this.#config.transport;
  }

  async call<T>(call: GraphCall<T>): Promise<T> {
    const path = this.#pathPrefix + call.path;
    const started = performance.now();
    try {
      const response = await dispatchRequest(this.#config.transport.dispatcher, {
        origin: this.#origin,
        path: path + queryString(call.query),
        method: call.method,
        headers: this.authorizationHeaders(call.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(call.json !== undefined ? { body: JSON.stringify(call.json) } : call.form ? { body: call.form } : {}),
        timeoutMs: call.timeoutMs ?? this.#config.timeoutMs,
        maxResponseBytes,
      });
      return this.#parse(call, path, response);
    } catch (error) {
      if (error instanceof CloudApiError) this.logFailure(error, performance.now() - started);
      throw error;
    }
  }

  /** Headers for a request to Meta: the bearer token plus the caller's own. */
  authorizationHeaders(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this.#accessToken}`, accept: 'application/json', ...extra };
  }

  /** Replaces the access token wherever a server might have echoed it. */
  scrub(text: string): string {
    return text.split(this.#accessToken).join('[redacted]');
  }

  logFailure(error: CloudApiError, durationMs: number): void {
    // Codes and ids only: Meta's titles and details can quote message content.
    const { method, path, class: errorClass, outcome, httpStatus, code, fbtraceId, failure } = error.toJSON();
    const fields = { method, path, class: errorClass, outcome, httpStatus, code, fbtraceId, failure, durationMs: Math.round(durationMs) };
    this.#config.logger?.warn(fields, 'graph api request failed');
  }

  #parse<T>(call: GraphCall<T>, path: string, response: RawResponse): T {
    const { method } = call;
    if (response.statusCode < 200 || response.statusCode >= 300) {
      throw errorFromResponse({ method, path, httpStatus: response.statusCode, body: response.body, scrub: (text) => this.scrub(text) });
    }
    const parsed = call.schema.safeParse(parseJson(response.body));
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
    // A POST that answered 200 did take effect; we just cannot read what it returned.
    throw new UnexpectedGraphResponseError(response.statusCode, issues, {
      class: 'terminal',
      hint: "Meta's answer did not have the documented shape: check the API version and the base URL",
      outcome: method === 'GET' ? 'rejected' : 'uncertain',
      method,
      path,
    });
  }
}

function queryString(query: GraphCall<unknown>['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
