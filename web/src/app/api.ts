// The one way the web app talks to the API by path: JSON in and out, the error envelope turned into
// ApiError, whose message and field issues are the plain words of errorMessages.ts (the code stays as sent).
import { plainIssue, plainMessage } from './errorMessages';

type ApiIssue = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { issues?: ApiIssue[] } & Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  // Cookie-authenticated mutations must carry the session's token (sign-up and login are exempt).
  csrfToken?: string;
  // Extra request headers, e.g. Idempotency-Key on a send that may be retried.
  headers?: Record<string, string>;
};

type Envelope = { error?: { code?: unknown; message?: unknown; details?: unknown } };

export async function apiRequest<T>(path: string, { method = 'GET', body, csrfToken, headers: extra }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...extra, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach WhatGrowPro. Check your connection and try again.');
  }

  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;
  throw toApiError(response.status, payload);
}

export function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as Envelope | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const details = typeof error.details === 'object' && error.details !== null ? (error.details as ApiError['details']) : undefined;
    const issues = details?.issues?.map((issue) => ({ ...issue, message: plainIssue(issue.message) }));
    return new ApiError(status, error.code, plainMessage(error.code, error.message), issues ? { ...details, issues } : details);
  }
  // A proxy or crash page rather than our envelope.
  return new ApiError(status, 'unexpected_response', `Something went wrong (HTTP ${status}). Please try again.`);
}
