import { AppError, type PlatformErrorCode } from '../../platform/http';

export const authErrorCodes = [
  'age_confirmation_required',
  'email_taken',
  'invalid_credentials',
  'too_many_attempts',
  'csrf_failed',
  'origin_not_allowed',
  'invitation_not_found',
  'last_owner',
  'already_member',
] as const;
export type AuthErrorCode = (typeof authErrorCodes)[number];

const authError = (code: AuthErrorCode | PlatformErrorCode, message: string, details?: Record<string, unknown>) => new AppError(code, message, details);

export const authErrors = {
  ageConfirmationRequired: () => authError('age_confirmation_required', 'You must confirm that you are 18 years or older to create an account.'),
  emailTaken: () => authError('email_taken', 'An account with this email already exists. Sign in instead.'),
  invalidCredentials: () => authError('invalid_credentials', 'The email or password is incorrect.'),
  tooManyAttempts: (retryAfterSeconds: number) =>
    authError('too_many_attempts', `Too many sign-in attempts for this account or from this network. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`, {
      retryAfterSeconds,
    }),
  csrfFailed: () => authError('csrf_failed', 'Missing or wrong X-CSRF-Token header: read csrfToken from GET /api/v1/me and send it with every change.'),
  originNotAllowed: () => authError('origin_not_allowed', 'This request must come from the WhatGrowPro site itself.'),
  invitationInvalid: () => authError('invitation_not_found', 'This invitation does not exist, has expired or was already used.'),
  // Addressed to someone else: answered like an unknown invitation, so a leaked link reveals nothing.
  invitationEmailMismatch: () => authError('invitation_not_found', 'No open invitation for your email with this link. Sign in with the address it was sent to.'),
  lastOwner: () => authError('last_owner', 'A workspace needs at least one owner: make someone else owner first.'),
  roleNotAssignable: () => authError('forbidden', 'Only an owner can grant or remove the owner role.'),
  alreadyMember: () => authError('already_member', 'This person is already a member of the workspace.'),
};
