import * as oidc from 'openid-client';
import { withTenant } from '../../platform/db';
import type { GoogleDeps } from './deps';
import { googleErrors } from './errors';
import { deleteLink, unsafeFindLinkOfUser } from './google-link.repository';
import { oidcConfiguration } from './oidc-configuration';

/**
 * Disconnects Google after the way back from Google (scope `openid` only, which proves the
 * account): we keep no token to revoke, so the one just issued is revoked at Google's revocation
 * endpoint, which ends the grant of everything the person gave this app; then the link goes.
 * If Google cannot be reached, the link stays, so the person can try again.
 */
export async function disconnectGoogle(deps: GoogleDeps, input: { userId: string; workspaceId: string | null; ip: string; googleSub: string | undefined; accessToken: string }) {
  const link = await unsafeFindLinkOfUser(deps.db, input.userId);
  if (!link) throw googleErrors.notLinked();
  if (link.google_sub !== input.googleSub) throw googleErrors.wrongGoogleAccount();
  try {
    await oidc.tokenRevocation(await oidcConfiguration(deps), input.accessToken);
  } catch (error) {
    deps.logger.warn({ code: (error as { code?: string }).code }, 'Google token revocation failed');
    throw googleErrors.googleUnavailable();
  }
  await deleteLink(deps.db, input.userId, link.google_sub);
  if (!input.workspaceId) return;
  const workspaceId = input.workspaceId;
  await withTenant(deps.db, workspaceId, (tx) =>
    deps.audit.record(tx, workspaceId, { type: 'user', id: input.userId, ip: input.ip }, { action: 'google.disconnected', target: { type: 'user', id: input.userId }, details: { revoked: true } }),
  );
}
