import type { Me, Role } from './auth';

// What the dashboard offers the signed-in member: GET /me carries the role's permissions from the
// server's one matrix (src/modules/auth/permissions.ts), so the UI hides exactly what would be refused.
export type Permission =
  | 'members.read' | 'members.manage' | 'apiKeys.manage' | 'audit.read' | 'settings.manage' | 'channels.manage'
  | 'inbox.read' | 'inbox.write' | 'labels.manage' | 'cannedResponses.manage' | 'contacts.read' | 'contacts.write'
  | 'contacts.import' | 'templates.manage' | 'campaigns.read' | 'campaigns.manage' | 'webhooks.manage';

export function can(me: Pick<Me, 'permissions'>, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

// Only an owner makes or unmakes owners (the server's mayAssignRole).
export function assignableRoles(me: Pick<Me, 'role' | 'permissions'>): Role[] {
  if (!can(me, 'members.manage')) return [];
  return me.role === 'owner' ? ['owner', 'admin', 'agent', 'analyst'] : ['admin', 'agent', 'analyst'];
}
