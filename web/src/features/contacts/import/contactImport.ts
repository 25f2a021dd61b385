import { apiRequest, ApiError, toApiError } from '../../../app/api';
import type { ApiResponse } from '../../../app/apiSchema';

// GET /api/v1/contacts/imports/:id, typed from the OpenAPI document.
export type ContactImport = ApiResponse<'/api/v1/contacts/imports/{id}'>;
export type ImportError = ContactImport['errors'][number];

export const finished = (i: ContactImport) => i.status === 'completed' || i.status === 'failed';

export function importPath(importId: string): string {
  return `/contacts/imports/${encodeURIComponent(importId)}`;
}

// The file goes up as it is (text/csv): the server parses it, row by row, in the background and answers
// at once with the import's id. apiRequest only speaks JSON, hence this one raw request.
export async function uploadCsv(file: File, csrfToken: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch('/api/v1/contacts/import', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'text/csv', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach WhatGrowPro. Check your connection and try again.');
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, payload);
  const importId = (payload as { importId?: unknown } | undefined)?.importId;
  if (typeof importId !== 'string') throw new ApiError(response.status, 'unexpected_response', 'The server did not say which import started. Please try again.');
  return importId;
}

export function fetchImport(importId: string): Promise<ContactImport> {
  return apiRequest<ContactImport>(importPath(importId));
}
