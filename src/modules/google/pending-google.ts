import type { GoogleDeps } from './deps';
import { openCookie, sealCookie } from './sealed-cookie';

/**
 * A Google sign-in that needs one more step from the person, carried sealed in their browser for
 * a quarter of an hour: a sign-up (the 18+ confirmation and a workspace name) or a link to an
 * existing account whose email Google has not verified (the account's password).
 */
export type PendingGoogle =
  | { kind: 'signup'; sub: string; email: string; name: string }
  | { kind: 'link'; sub: string; email: string; name: string; userId: string };

export const PENDING_COOKIE = 'wgp_google_pending';
const PENDING_TTL_MS = 15 * 60_000;

export function sealPending(deps: GoogleDeps, pending: PendingGoogle) {
  const expiresAt = new Date(deps.clock.now().getTime() + PENDING_TTL_MS);
  return { value: sealCookie(deps.cookieKey, PENDING_COOKIE, pending, expiresAt), expiresAt };
}

export const openPending = (deps: GoogleDeps, cookie: string | undefined) => openCookie<PendingGoogle>(deps.cookieKey, PENDING_COOKIE, cookie, deps.clock.now());
