import { ApiError, toApiError } from '../../app/api';
import type { ApiResponse } from '../../app/apiSchema';

export type UploadedMedia = ApiResponse<'/api/v1/media', 'post'>;

// What WhatsApp accepts (the server checks again, with the exact limits per type).
export const ATTACH_ACCEPT = 'image/jpeg,image/png,image/webp,video/mp4,video/3gpp,audio/aac,audio/amr,audio/mpeg,audio/mp4,audio/ogg,'
  + 'application/pdf,text/plain,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

// POST /media is multipart, so it is the one call that does not go through apiRequest's JSON.
export async function uploadMedia(file: File, csrfToken: string, idempotencyKey: string): Promise<UploadedMedia> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/v1/media', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken, 'idempotency-key': idempotencyKey },
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach WhatGrowPro. Check your connection and try again.');
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as UploadedMedia;
  throw toApiError(response.status, payload);
}

/** Images, videos and documents carry a caption; audio and stickers do not. */
export const takesCaption = (type: UploadedMedia['type']) => type === 'image' || type === 'video' || type === 'document';
