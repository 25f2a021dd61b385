import { AppError, notFound } from '../../platform/http';

export const inboxErrorCodes = ['label_exists', 'unknown_label', 'assignee_not_member', 'canned_response_exists'] as const;
export type InboxErrorCode = (typeof inboxErrorCodes)[number];

const inboxError = (code: InboxErrorCode, message: string, details?: Record<string, unknown>) => new AppError(code, message, details);

export const inboxErrors = {
  conversationNotFound: () => notFound('conversation'),
  labelNotFound: () => notFound('label'),
  labelExists: () => inboxError('label_exists', 'A label with this name already exists in this workspace.'),
  unknownLabel: (names: string[]) => inboxError('unknown_label', 'Labels must be created before they are put on conversations (POST /api/v1/labels).', { labels: names }),
  assigneeNotMember: () => inboxError('assignee_not_member', 'A conversation can only be assigned to a member of this workspace (see GET /api/v1/members).'),
  cannedResponseNotFound: () => notFound('canned response'),
  cannedResponseExists: () => inboxError('canned_response_exists', 'A canned response with this shortcut already exists in this workspace.'),
};
