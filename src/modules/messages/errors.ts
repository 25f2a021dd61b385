import { AppError, notFound } from '../../platform/http';

/** The closed set of refusal codes of the send API. */
export type OutboundErrorCode =
  | 'window_closed'
  | 'consent_required'
  | 'template_not_found'
  | 'template_not_approved'
  | 'validation_failed'
  | 'channel_required'
  | 'not_found'
  | 'context_message_not_found'
  | 'context_message_not_sent'
  | 'media_not_found'
  | 'media_type_unsupported'
  | 'media_too_large'
  | 'media_type_mismatch'
  | 'media_empty'
  | 'media_file_required'
  | 'invalid_multipart'
  | 'unsupported_media_type';

export const outboundError = (status: number, code: OutboundErrorCode, message: string, details?: Record<string, unknown>) => new AppError(status, code, message, details);

/** Reading stored messages and media. */
export const messageErrors = {
  messageNotFound: () => notFound('message'),
  mediaNotFound: () => notFound('media'),
  mediaNotReady: () => new AppError(409, 'media_not_ready', 'The medium has not been downloaded yet; try again shortly.'),
};
