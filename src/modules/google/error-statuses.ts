import type { GoogleErrorCode } from './errors';

/** The HTTP side of the google module's errors (see platform/http/error-statuses.ts). */
export const googleErrorStatuses = {
  google_not_configured: 404,
  google_flow_invalid: 400,
  google_refused: 400,
  google_scope_mismatch: 400,
  google_unavailable: 502,
  google_pending_missing: 400,
  google_already_linked: 409,
  google_user_linked_elsewhere: 409,
  google_email_not_verified: 409,
  google_not_linked: 409,
  google_wrong_account: 409,
} as const satisfies Record<GoogleErrorCode, number>;
