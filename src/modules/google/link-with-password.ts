import { logIn, unsafeFindUserById } from '../auth';
import type { GoogleDeps } from './deps';
import { googleErrors } from './errors';
import { linkGoogleAccount } from './link-account';
import type { PendingGoogle } from './pending-google';

/**
 * Links a Google account whose email Google has not verified to the account with that email,
 * once the person proves the account is theirs with its password: the ordinary login (same
 * throttle, same answers), then the link.
 */
export async function linkWithPassword(deps: GoogleDeps, pending: Extract<PendingGoogle, { kind: 'link' }>, input: { password: string; ip: string }) {
  const user = await unsafeFindUserById(deps.db, pending.userId);
  if (!user) throw googleErrors.pendingMissing();
  const { session, workspaceId } = await logIn(deps.auth, { email: user.email, password: input.password, ip: input.ip });
  await linkGoogleAccount(deps, { userId: user.id, sub: pending.sub, proof: 'password', workspaceId, ip: input.ip });
  return { userId: user.id, session };
}
