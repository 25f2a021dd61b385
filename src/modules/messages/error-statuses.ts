import type { MessageErrorCode } from './errors';

/** The HTTP side of messages' errors (see platform/http/error-statuses.ts). */
export const messageErrorStatuses = {
  window_closed: 422,
  consent_required: 409,
  template_not_found: 404,
  template_not_approved: 422,
  context_message_not_found: 422,
  context_message_not_sent: 422,
  media_not_found: 422,
  media_type_unsupported: 415,
  media_too_large: 413,
  media_type_mismatch: 422,
  media_empty: 422,
  media_file_required: 422,
  invalid_multipart: 400,
  media_not_ready: 409,
} as const satisfies Record<MessageErrorCode, number>;
