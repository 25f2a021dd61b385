import { newId, withTenant } from '../../platform/db';
import type { Actor } from '../privacy';
import { unsafeFindUserById } from './account.repository';
import type { AuthDeps } from './deps';
import { authErrors } from './errors';
import { insertInvitation, findOpenInvitation, markInvitationAccepted } from './invitation.repository';
import { mayAssignRole, type Role } from './permissions';
import { normalizeEmail, randomToken, sha256 } from './secrets';
import { findMembership, insertMembership } from './workspace.repository';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

// The token is `<workspace id>.<secret>`: accepting looks it up inside that tenant.

export async function inviteMember(deps: AuthDeps, workspaceId: string, actor: Actor & { role: Role }, input: { email: string; role: Exclude<Role, 'owner'> }) {
  if (!mayAssignRole(actor.role, input.role)) throw authErrors.roleNotAssignable();
  const token = `${workspaceId}.${randomToken()}`;
  const id = newId();
  await withTenant(deps.db, workspaceId, async (tx) => {
    await insertInvitation(tx, workspaceId, {
      id,
      emailNormalized: normalizeEmail(input.email),
      role: input.role,
      tokenHash: sha256(token),
      invitedBy: actor.id ?? 'api_key',
      expiresAt: new Date(deps.clock.now().getTime() + INVITATION_TTL_MS),
    });
    await deps.audit.record(tx, workspaceId, actor, { action: 'invitation.created', target: { type: 'invitation', id }, details: { role: input.role } });
  });
  return { id, acceptUrl: `${deps.publicUrl}/signup?invitation=${encodeURIComponent(token)}` };
}

/** The signed-in person joins the workspace, if the invitation was addressed to their email. */
export async function acceptInvitation(deps: AuthDeps, userId: string, token: string, ip: string) {
  const workspaceId = token.split('.')[0] ?? '';
  const user = await unsafeFindUserById(deps.db, userId);
  if (!user) throw authErrors.invitationInvalid();
  return withTenant(deps.db, workspaceId, async (tx) => {
    const invitation = await findOpenInvitation(tx, workspaceId, sha256(token), deps.clock.now());
    if (!invitation) throw authErrors.invitationInvalid();
    if (invitation.email_normalized !== normalizeEmail(user.email)) throw authErrors.invitationEmailMismatch();
    if (await findMembership(tx, workspaceId, userId)) throw authErrors.alreadyMember();
    await insertMembership(tx, workspaceId, userId, invitation.role);
    await markInvitationAccepted(tx, workspaceId, invitation.id, deps.clock.now());
    await deps.audit.record(tx, workspaceId, { type: 'user', id: userId, ip }, { action: 'invitation.accepted', target: { type: 'invitation', id: invitation.id } });
    return { workspaceId, role: invitation.role };
  });
}
