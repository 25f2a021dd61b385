import { AppError, notFound, type PlatformErrorCode, type ValidationIssue } from '../../platform/http';

/** The closed set of codes of sending, uploading and reading messages (besides the platform's and channel_required). */
export const messageErrorCodes = [
  'window_closed',
  'consent_required',
  'template_not_found',
  'template_not_approved',
  'context_message_not_found',
  'context_message_not_sent',
  'media_not_found',
  'media_type_unsupported',
  'media_too_large',
  'media_type_mismatch',
  'media_empty',
  'media_file_required',
  'invalid_multipart',
  'media_not_ready',
] as const;
export type MessageErrorCode = (typeof messageErrorCodes)[number];

const messageError = (code: MessageErrorCode | PlatformErrorCode, message: string, details?: Record<string, unknown>) => new AppError(code, message, details);

/** Refusals of POST /api/v1/messages and of marking a conversation read. */
export const sendErrors = {
  contactNotAddressable: () => messageError('not_found', 'No such contact in this workspace (or it has neither a phone number nor a BSUID to address).'),
  recipientNotAddressable: () => messageError('not_found', 'The recipient is not a phone number or a BSUID.'),
  conversationNotFound: () => notFound('conversation'),
  consentRequired: (contactId: string) => messageError('consent_required', 'This contact has not consented to marketing messages; record their opt-in first.', { contactId }),
  windowClosed: (closedAt: Date | null) =>
    messageError('window_closed', 'The 24-hour customer service window with this contact is closed: send an approved template instead.', {
      closedAt: closedAt?.toISOString() ?? null,
      hint: 'Outside the window only template messages can be sent; the window reopens when the customer writes.',
    }),
  templateNotFound: (name: string, language: string) =>
    messageError('template_not_found', `No template "${name}" in ${language} on this channel's account; sync templates or create it first.`, { name, language }),
  templateNotApproved: (name: string, status: string | null) =>
    messageError('template_not_approved', `Template "${name}" is ${status ?? 'not approved'}; only approved templates can be sent.`, { status }),
  templateParametersMismatch: (issues: ValidationIssue[]) => messageError('validation_failed', 'The template parameters do not match the template.', { issues }),
  mediaNotFound: (mediaIds: string[]) => messageError('media_not_found', 'No such media in this workspace; upload it first or use a media id Meta gave you.', { mediaIds }),
  mediaMisfits: (media: { id: string; sentAs: string; mimeType: string }[]) =>
    messageError('media_type_mismatch', 'WhatsApp cannot send this file as that type (e.g. a PDF as an image); send it as the type its upload answered.', { media }),
  referencedMessageNotFound: (messageId: string, field: string) =>
    messageError('context_message_not_found', `${field} names no message of this workspace; give one of our message ids or a wamid.`, { messageId, field }),
  referencedMessageNotSent: (messageId: string, field: string) =>
    messageError('context_message_not_sent', `The message ${field} names has no WhatsApp id yet (it is not sent); try again once it is.`, { messageId, field }),
  replyToOtherConversation: (messageId: string) =>
    messageError('context_message_not_found', 'context.message_id names a message of another conversation; a reply must quote a message of the same chat.', { messageId }),
};

/** Refusals of POST /api/v1/media: the form, then the file against Meta's rules. */
export const uploadErrors = {
  multipartRequired: () => messageError('unsupported_media_type', 'Send the file as multipart/form-data in a field named "file".'),
  formTooLarge: (limitBytes: number) => messageError('media_too_large', `No WhatsApp medium may exceed ${limitBytes} bytes.`, { limitBytes }),
  fileRequired: () => messageError('media_file_required', 'The form has no file part named "file".'),
  tooManyParts: () => messageError('validation_failed', 'Send one file ("file") and at most a "type" field.', { issues: [{ path: 'body', message: 'too many parts' }] }),
  invalidMultipart: () => messageError('invalid_multipart', 'The multipart/form-data body is malformed or incomplete.'),
  typeUnsupported: (mimeType: string, supported: readonly string[]) =>
    messageError('media_type_unsupported', `WhatsApp does not accept ${mimeType || 'files without a type'}; send one of the supported types.`, { mimeType, supported }),
  empty: () => messageError('media_empty', 'The file is empty.'),
  fileTooLarge: (mimeType: string, limitBytes: number, sizeBytes: number) =>
    messageError('media_too_large', `WhatsApp accepts ${mimeType} files of at most ${limitBytes} bytes; this one has ${sizeBytes}.`, { mimeType, limitBytes, sizeBytes }),
  contentMismatch: (mimeType: string, hint: string) =>
    messageError('media_type_mismatch', `The file's content is not ${mimeType}${hint}; declare the type it really has.`, { mimeType }),
};

/** Reading stored messages and media. */
export const messageErrors = {
  messageNotFound: () => notFound('message'),
  mediaNotFound: () => notFound('media'),
  mediaNotReady: () => messageError('media_not_ready', 'The medium has not been downloaded yet; try again shortly.'),
};
