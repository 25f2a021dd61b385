import type { AuthErrorCode } from './errors';

/** The HTTP side of auth's errors (see platform/http/error-statuses.ts). */
export const authErrorStatuses = {
  age_confirmation_required: 422,
  email_taken: 409,
  invalid_credentials: 401,
  too_many_attempts: 429,
  csrf_failed: 403,
  origin_not_allowed: 403,
  invitation_not_found: 404,
  last_owner: 409,
  already_member: 409,
} as const satisfies Record<AuthErrorCode, number>;
