import { AppError } from '../../platform/http';

export const googleErrors = {
  browserOnly: () => new AppError(403, 'forbidden', 'Google sign-in is for a person in a browser; an API key cannot use it.'),
  notConfigured: () => new AppError(404, 'google_not_configured', 'Google sign-in is not set up on this server (GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET).'),
  flowInvalid: () =>
    new AppError(400, 'google_flow_invalid', 'This Google sign-in could not be verified (it expired, was already used, or did not start here). Start again.'),
  googleRefused: () => new AppError(400, 'google_refused', 'Google did not grant access. Start again if you want to continue.'),
  scopeMismatch: () => new AppError(400, 'google_scope_mismatch', 'Google granted a different access than the one asked for; nothing was read. Start again.'),
  googleUnavailable: () => new AppError(502, 'google_unavailable', 'Google could not be reached. Try again in a moment.'),
  pendingMissing: () => new AppError(400, 'google_pending_missing', 'No Google sign-in is waiting to be completed. Start again with "Sign in with Google".'),
  alreadyLinked: () => new AppError(409, 'google_already_linked', 'This Google account is already linked to another WhatGrowPro account.'),
  userLinkedElsewhere: () => new AppError(409, 'google_user_linked_elsewhere', 'Your WhatGrowPro account is already linked to a different Google account. Disconnect it in Settings first.'),
  signUpNeedsVerifiedEmail: () =>
    new AppError(409, 'google_email_not_verified', 'Google has not verified this email address, so it cannot open an account here. Sign up with a password instead.'),
  notLinked: () => new AppError(409, 'google_not_linked', 'No Google account is linked to your WhatGrowPro account.'),
  wrongGoogleAccount: () => new AppError(409, 'google_wrong_account', 'That is not the Google account linked to your WhatGrowPro account. Choose the linked one.'),
  previewNotFound: () => new AppError(404, 'not_found', 'This Google Contacts preview does not exist or has expired. Import from Google again.'),
};
