import { createSessionForUser, normalizeEmail, unsafeFindUserByEmail } from '../auth';
import type { GoogleDeps } from './deps';
import { googleErrors } from './errors';
import { unsafeFindLinkBySub } from './google-link.repository';
import { linkGoogleAccount } from './link-account';
import type { PendingGoogle } from './pending-google';

/** What Google's verified ID token says, read at sign-in and never stored (only `sub` is, in the link). */
export interface GoogleIdentity {
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
}

export type SignInOutcome =
  | { kind: 'session'; userId: string; session: { token: string; expiresAt: Date } }
  | { kind: 'pending'; pending: PendingGoogle };

/**
 * Sign-in with a verified Google identity: a linked account signs in; an account with the same
 * email is linked only when Google verified that email (else its password must prove it first);
 * no account: a sign-up, which still asks for the 18+ confirmation, and only for an email Google verified.
 */
export async function signInWithGoogle(deps: GoogleDeps, identity: GoogleIdentity, ip: string): Promise<SignInOutcome> {
  const link = await unsafeFindLinkBySub(deps.db, identity.sub);
  if (link) return { kind: 'session', userId: link.user_id, ...(await createSessionForUser(deps.auth, link.user_id)) };
  const user = identity.email ? await unsafeFindUserByEmail(deps.db, normalizeEmail(identity.email)) : undefined;
  const { sub, email, name } = identity;
  if (user && !identity.emailVerified) return { kind: 'pending', pending: { kind: 'link', sub, email, name, userId: user.id } };
  if (user) {
    const opened = await createSessionForUser(deps.auth, user.id);
    await linkGoogleAccount(deps, { userId: user.id, sub, proof: 'google_verified_email', workspaceId: opened.workspaceId, ip });
    return { kind: 'session', userId: user.id, session: opened.session };
  }
  if (!identity.emailVerified) throw googleErrors.signUpNeedsVerifiedEmail();
  return { kind: 'pending', pending: { kind: 'signup', sub, email, name } };
}
