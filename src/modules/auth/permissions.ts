/** The roles of the contract and the one permission matrix every route is checked against. */
export const roles = ['owner', 'admin', 'agent', 'analyst'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'workspace.read',
  'workspace.delete',
  'workspace.transfer',
  'members.read',
  'members.manage',
  'apiKeys.manage',
  'audit.read',
  'settings.read',
  'settings.manage',
  'channels.read',
  'channels.manage',
  'inbox.read',
  'inbox.write',
  'labels.manage',
  'cannedResponses.manage',
  'contacts.read',
  'contacts.write',
  'contacts.export',
  'contacts.erase',
  'contacts.import',
  'templates.read',
  'templates.manage',
  'campaigns.read',
  'campaigns.manage',
  'analytics.read',
  'events.read',
  'webhooks.manage',
] as const;
export type Permission = (typeof permissions)[number];

const all = new Set<Permission>(permissions);

/**
 * owner: everything. admin: everything but deleting the workspace and transferring ownership.
 * agent: inbox, contacts and sending; no settings, keys, exports, erasures, imports (bulk consent) or campaigns.
 *   settings.* covers the workspace settings and the automations (keyword replies): agents and analysts
 *   neither read nor change them (the server applies them; mark-as-read is inbox.write). Agents read and
 *   use labels and canned responses (inbox.read / inbox.write) but do not define them: they are shared
 *   workspace vocabulary, like settings, so admins manage them.
 * analyst: analytics and campaign figures; no message content and no contact personal data.
 */
export const permissionMatrix: Record<Role, ReadonlySet<Permission>> = {
  owner: all,
  admin: new Set([...all].filter((p) => p !== 'workspace.delete' && p !== 'workspace.transfer')),
  agent: new Set<Permission>([
    'workspace.read',
    'members.read',
    'channels.read',
    'inbox.read',
    'inbox.write',
    'contacts.read',
    'contacts.write',
    'templates.read',
    'events.read',
  ]),
  analyst: new Set<Permission>(['workspace.read', 'channels.read', 'templates.read', 'campaigns.read', 'analytics.read', 'events.read']),
};

/** A role's permissions in matrix order (none without a role: a session between workspaces). */
export function permissionsOf(role: Role | null): Permission[] {
  return role ? permissions.filter((p) => permissionMatrix[role].has(p)) : [];
}

export function can(role: Role, permission: Permission): boolean {
  return permissionMatrix[role].has(permission);
}

/** Who may grant a role: only an owner makes or unmakes owners. */
export function mayAssignRole(actor: Role, target: Role): boolean {
  if (target === 'owner') return actor === 'owner';
  return can(actor, 'members.manage');
}
