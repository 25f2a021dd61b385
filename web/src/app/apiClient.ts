import createClient, { type Client } from 'openapi-fetch';
import { ApiError, toApiError } from './api';
import type { paths } from './api-types.generated';

// The typed way to call the API: paths, parameters, bodies and answers checked against the types generated
// from the server's OpenAPI document. Cookie-authenticated changes carry the session's CSRF token.
export type ApiClient = Client<paths>;

export function createApiClient(csrfToken?: string): ApiClient {
  return createClient<paths>({
    baseUrl: '',
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
  });
}

type Outcome<T> = { data?: T; error?: unknown; response: Response };

/** The answer of a request, or its refusal as an ApiError (a network failure included). */
export async function answer<T>(request: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await request;
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach WhatGrowPro. Check your connection and try again.');
  }
  if (outcome.response.ok) return outcome.data as T;
  throw toApiError(outcome.response.status, outcome.error);
}
