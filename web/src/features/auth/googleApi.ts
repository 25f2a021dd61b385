import { apiRequest } from '../../app/api';
import type { ApiResponse } from '../../app/apiSchema';

// The Google routes under /api/v1/auth/google (sign-in) as the pages here use them.
export type GooglePending = ApiResponse<'/api/v1/auth/google/pending'>;
export type GoogleStatus = ApiResponse<'/api/v1/auth/google/status'>;

export const GOOGLE_START_PATH = '/api/v1/auth/google/start';

export const googleAvailable = () => apiRequest<{ available: boolean }>('/auth/google/config').then((r) => r.available, () => false);
export const googlePending = () => apiRequest<GooglePending>('/auth/google/pending');
export const googleStatus = () => apiRequest<GoogleStatus>('/auth/google/status');

/** What went wrong on the way back from Google (`?googleError=` on the page it lands on), in words. */
const MESSAGES: Record<string, string> = {
  google_flow_invalid: 'The Google sign-in could not be verified (it expired or was already used). Please try again.',
  google_refused: 'Google did not give access, so nothing was done.',
  google_scope_mismatch: 'Google did not grant read access to your contacts, so nothing was read. Try again and allow it.',
  google_unavailable: 'Google could not be reached. Please try again in a moment.',
  google_email_not_verified: 'Google has not verified the email address of that Google account, so it cannot open an account here. Sign up with a password instead.',
  google_already_linked: 'That Google account is already linked to another WhatGrowPro account.',
  google_user_linked_elsewhere: 'Your account is already linked to a different Google account. Disconnect it in Settings first.',
  google_wrong_account: 'That is not the Google account linked to your account. Choose the linked one.',
  google_not_linked: 'No Google account is linked to your account.',
  google_not_configured: 'Google sign-in is not set up on this server.',
};

export function googleErrorMessage(code: string | null): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? 'Something went wrong with Google. Please try again.';
}
