import { withTenant, type TenantTx } from '../../platform/db';
import { notFound } from '../../platform/http';
import type { Actor } from '../privacy';
import type { AuthDeps } from './deps';
import { authErrors } from './errors';
import { mayAssignRole, type Role } from './permissions';
import { countOwners, deleteMembership, findMembership, listMembers, updateMemberRole } from './workspace.repository';

export function listWorkspaceMembers(deps: AuthDeps, workspaceId: string, page: Parameters<typeof listMembers>[2]) {
  return withTenant(deps.db, workspaceId, (tx) => listMembers(tx, workspaceId, page));
}

/** Whether someone is a member of the workspace (e.g. before a conversation is assigned to them). */
export function isWorkspaceMember(tx: TenantTx, workspaceId: string, userId: string): Promise<boolean> {
  return findMembership(tx, workspaceId, userId).then(Boolean);
}

/** Changes a member's role; only owners touch the owner role, and the last owner stays. */
export async function changeMemberRole(deps: AuthDeps, workspaceId: string, actor: Actor & { role: Role }, memberId: string, role: Role) {
  await withTenant(deps.db, workspaceId, async (tx) => {
    const member = await findMembership(tx, workspaceId, memberId);
    if (!member) throw notFound('member');
    if (!mayAssignRole(actor.role, role) || !mayAssignRole(actor.role, member.role)) throw authErrors.roleNotAssignable();
    if (member.role === 'owner' && role !== 'owner' && (await countOwners(tx, workspaceId)) <= 1) throw authErrors.lastOwner();
    await updateMemberRole(tx, workspaceId, memberId, role);
    await deps.audit.record(tx, workspaceId, actor, { action: 'member.role_changed', target: { type: 'member', id: memberId }, details: { from: member.role, to: role } });
  });
}

export async function removeMember(deps: AuthDeps, workspaceId: string, actor: Actor & { role: Role }, memberId: string) {
  await withTenant(deps.db, workspaceId, async (tx) => {
    const member = await findMembership(tx, workspaceId, memberId);
    if (!member) throw notFound('member');
    if (!mayAssignRole(actor.role, member.role)) throw authErrors.roleNotAssignable();
    if (member.role === 'owner' && (await countOwners(tx, workspaceId)) <= 1) throw authErrors.lastOwner();
    await deleteMembership(tx, workspaceId, memberId);
    await deps.audit.record(tx, workspaceId, actor, { action: 'member.removed', target: { type: 'member', id: memberId } });
  });
}
