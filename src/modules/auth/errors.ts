import { AppError } from '../../platform/http';

export const authErrors = {
  ageConfirmationRequired: () =>
    new AppError(422, 'age_confirmation_required', 'You must confirm that you are 18 years or older to create an account.'),
  emailTaken: () => new AppError(409, 'email_taken', 'An account with this email already exists. Sign in instead.'),
  invalidCredentials: () => new AppError(401, 'invalid_credentials', 'The email or password is incorrect.'),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new AppError(429, 'too_many_attempts', `Too many sign-in attempts for this account or from this network. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`, {
      retryAfterSeconds,
    }),
  csrfFailed: () =>
    new AppError(403, 'csrf_failed', 'Missing or wrong X-CSRF-Token header: read csrfToken from GET /api/v1/me and send it with every change.'),
  originNotAllowed: () => new AppError(403, 'origin_not_allowed', 'This request must come from the WhatGrowPro site itself.'),
  invitationInvalid: () => new AppError(404, 'invitation_not_found', 'This invitation does not exist, has expired or was already used.'),
  // Addressed to someone else: answered like an unknown invitation, so a leaked link reveals nothing.
  invitationEmailMismatch: () =>
    new AppError(404, 'invitation_not_found', 'No open invitation for your email with this link. Sign in with the address it was sent to.'),
  lastOwner: () => new AppError(409, 'last_owner', 'A workspace needs at least one owner: make someone else owner first.'),
  roleNotAssignable: () => new AppError(403, 'forbidden', 'Only an owner can grant or remove the owner role.'),
  alreadyMember: () => new AppError(409, 'already_member', 'This person is already a member of the workspace.'),
};
