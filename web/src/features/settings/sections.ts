import type { Role } from '../../app/auth';
import { can } from '../../app/permissions';

export type Section = { path: string; label: string };

// webhooks.manage and settings.manage: owners and admins only (the server's permission matrix).
const manages = (role: Role) => role === 'owner' || role === 'admin';

// Agents see the team but manage nothing; analysts see no member list; keys and the audit log are for admins.
export function visibleSections(role: Role): Section[] {
  const sections: (Section | false)[] = [
    { path: '/app/settings', label: 'Your account' },
    { path: '/app/settings/channels', label: 'Channels' },
    can(role, 'members.read') && { path: '/app/settings/members', label: 'Members' },
    can(role, 'apiKeys.manage') && { path: '/app/settings/api-keys', label: 'API keys' },
    can(role, 'audit.read') && { path: '/app/settings/audit', label: 'Audit log' },
    manages(role) && { path: '/app/settings/webhooks', label: 'Outgoing webhooks' },
    manages(role) && { path: '/app/settings/automation', label: 'Automation' },
  ];
  return sections.filter((section): section is Section => section !== false);
}
