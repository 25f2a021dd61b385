import { AppError, notFound } from '../../platform/http';

export const inboxErrors = {
  conversationNotFound: () => notFound('conversation'),
  labelNotFound: () => notFound('label'),
  labelExists: () => new AppError(409, 'label_exists', 'A label with this name already exists in this workspace.'),
  unknownLabel: (names: string[]) => new AppError(422, 'unknown_label', 'Labels must be created before they are put on conversations (POST /api/v1/labels).', { labels: names }),
  assigneeNotMember: () => new AppError(422, 'assignee_not_member', 'A conversation can only be assigned to a member of this workspace (see GET /api/v1/members).'),
  cannedResponseNotFound: () => notFound('canned response'),
  cannedResponseExists: () => new AppError(409, 'canned_response_exists', 'A canned response with this shortcut already exists in this workspace.'),
};
