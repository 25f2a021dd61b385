import { withTenant } from '../../platform/db';
import type { GoogleDeps } from './deps';
import { googleErrors } from './errors';
import { insertLink, unsafeFindLinkBySub, unsafeFindLinkOfUser } from './google-link.repository';

export type LinkProof = 'google_verified_email' | 'password' | 'sign_up';

/**
 * Links a Google account (its subject id, nothing else) to a user who proved they own both:
 * Google verified the email, the person gave the account's password, or the account was just
 * created through Google. Audited in the workspace the session opens in.
 */
export async function linkGoogleAccount(deps: GoogleDeps, input: { userId: string; sub: string; proof: LinkProof; workspaceId: string | null; ip: string; policyVersion?: string }): Promise<void> {
  if (!(await insertLink(deps.db, input.userId, input.sub, deps.clock.now()))) {
    const other = await unsafeFindLinkBySub(deps.db, input.sub);
    if (other?.user_id === input.userId) return;
    throw other ? googleErrors.alreadyLinked() : googleErrors.userLinkedElsewhere();
  }
  if (!input.workspaceId) return;
  const workspaceId = input.workspaceId;
  await withTenant(deps.db, workspaceId, (tx) =>
    deps.audit.record(tx, workspaceId, { type: 'user', id: input.userId, ip: input.ip }, {
      action: 'google.linked',
      target: { type: 'user', id: input.userId },
      details: { proof: input.proof, scope: 'openid email profile', ...(input.policyVersion ? { policyVersion: input.policyVersion } : {}) },
    }),
  );
}

export const findLinkOfUser = (deps: GoogleDeps, userId: string) => unsafeFindLinkOfUser(deps.db, userId);
