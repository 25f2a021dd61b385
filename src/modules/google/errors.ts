import { AppError, type PlatformErrorCode } from '../../platform/http';

export const googleErrorCodes = [
  'google_not_configured',
  'google_flow_invalid',
  'google_refused',
  'google_scope_mismatch',
  'google_unavailable',
  'google_pending_missing',
  'google_already_linked',
  'google_user_linked_elsewhere',
  'google_email_not_verified',
  'google_not_linked',
  'google_wrong_account',
] as const;
export type GoogleErrorCode = (typeof googleErrorCodes)[number];

const googleError = (code: GoogleErrorCode | PlatformErrorCode, message: string) => new AppError(code, message);

export const googleErrors = {
  browserOnly: () => googleError('forbidden', 'Google sign-in is for a person in a browser; an API key cannot use it.'),
  notConfigured: () => googleError('google_not_configured', 'Google sign-in is not set up on this server (GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET).'),
  flowInvalid: () => googleError('google_flow_invalid', 'This Google sign-in could not be verified (it expired, was already used, or did not start here). Start again.'),
  googleRefused: () => googleError('google_refused', 'Google did not grant access. Start again if you want to continue.'),
  scopeMismatch: () => googleError('google_scope_mismatch', 'Google granted a different access than the one asked for; nothing was read. Start again.'),
  googleUnavailable: () => googleError('google_unavailable', 'Google could not be reached. Try again in a moment.'),
  pendingMissing: () => googleError('google_pending_missing', 'No Google sign-in is waiting to be completed. Start again with "Sign in with Google".'),
  alreadyLinked: () => googleError('google_already_linked', 'This Google account is already linked to another WhatGrowPro account.'),
  userLinkedElsewhere: () => googleError('google_user_linked_elsewhere', 'Your WhatGrowPro account is already linked to a different Google account. Disconnect it in Settings first.'),
  signUpNeedsVerifiedEmail: () =>
    googleError('google_email_not_verified', 'Google has not verified this email address, so it cannot open an account here. Sign up with a password instead.'),
  notLinked: () => googleError('google_not_linked', 'No Google account is linked to your WhatGrowPro account.'),
  wrongGoogleAccount: () => googleError('google_wrong_account', 'That is not the Google account linked to your WhatGrowPro account. Choose the linked one.'),
  previewNotFound: () => googleError('not_found', 'This Google Contacts preview does not exist or has expired. Import from Google again.'),
};
