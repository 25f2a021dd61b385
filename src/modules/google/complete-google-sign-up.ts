import { randomBytes } from 'node:crypto';
import { signUp } from '../auth';
import type { GoogleDeps } from './deps';
import { googleErrors } from './errors';
import { unsafeFindLinkBySub } from './google-link.repository';
import { linkGoogleAccount } from './link-account';
import type { PendingGoogle } from './pending-google';

/**
 * Finishes a sign-up through Google on the ordinary sign-up path (the person confirmed they are
 * 18+, checked by the route like any sign-up): account, first workspace and session, then the
 * link, audited with the policy version the person accepted. The account's password is random
 * and never shown: until the person sets one, only Google signs them in.
 */
export async function completeGoogleSignUp(deps: GoogleDeps, pending: Extract<PendingGoogle, { kind: 'signup' }>, input: { workspaceName: string; policyVersion: string; ip: string }) {
  if (await unsafeFindLinkBySub(deps.db, pending.sub)) throw googleErrors.alreadyLinked();
  const result = await signUp(deps.auth, {
    email: pending.email,
    password: randomBytes(32).toString('base64url'),
    name: pending.name || pending.email,
    workspaceName: input.workspaceName,
    ip: input.ip,
  });
  await linkGoogleAccount(deps, { userId: result.userId, sub: pending.sub, proof: 'sign_up', workspaceId: result.workspaceId, ip: input.ip, policyVersion: input.policyVersion });
  return result;
}
