import type { Role } from './auth';

// What the dashboard offers each role. The server enforces the real matrix (src/modules/auth/permissions.ts);
// this copy of the few permissions the UI asks about only hides what would be refused anyway.
type UiPermission = 'members.read' | 'members.manage' | 'apiKeys.manage' | 'audit.read' | 'channels.manage' | 'inbox.read';

const ADMIN: ReadonlySet<UiPermission> = new Set(['members.read', 'members.manage', 'apiKeys.manage', 'audit.read', 'channels.manage', 'inbox.read']);

const MATRIX: Record<Role, ReadonlySet<UiPermission>> = {
  owner: ADMIN,
  admin: ADMIN,
  agent: new Set(['members.read', 'inbox.read']),
  analyst: new Set(),
};

export function can(role: Role, permission: UiPermission): boolean {
  return MATRIX[role].has(permission);
}

// Only an owner makes or unmakes owners (the server's mayAssignRole).
export function assignableRoles(role: Role): Role[] {
  if (!can(role, 'members.manage')) return [];
  return role === 'owner' ? ['owner', 'admin', 'agent', 'analyst'] : ['admin', 'agent', 'analyst'];
}
