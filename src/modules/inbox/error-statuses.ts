import type { InboxErrorCode } from './errors';

/** The HTTP side of the inbox's errors (see platform/http/error-statuses.ts). */
export const inboxErrorStatuses = {
  label_exists: 409,
  unknown_label: 422,
  assignee_not_member: 422,
  canned_response_exists: 409,
} as const satisfies Record<InboxErrorCode, number>;
