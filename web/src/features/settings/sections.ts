import type { Me } from '../../app/auth';
import { can } from '../../app/permissions';

export type Section = { path: string; label: string };

// Agents see the team but manage nothing; analysts see no member list; keys, the audit log,
// outgoing webhooks, automation, labels and canned responses are for admins (the server's permission matrix decides).
export function visibleSections(me: Pick<Me, 'permissions'>): Section[] {
  const sections: (Section | false)[] = [
    { path: '/app/settings', label: 'Your account' },
    { path: '/app/settings/channels', label: 'Channels' },
    can(me, 'members.read') && { path: '/app/settings/members', label: 'Members' },
    can(me, 'apiKeys.manage') && { path: '/app/settings/api-keys', label: 'API keys' },
    can(me, 'audit.read') && { path: '/app/settings/audit', label: 'Audit log' },
    can(me, 'webhooks.manage') && { path: '/app/settings/webhooks', label: 'Outgoing webhooks' },
    can(me, 'settings.manage') && { path: '/app/settings/automation', label: 'Automation' },
    can(me, 'labels.manage') && { path: '/app/settings/labels', label: 'Labels' },
    can(me, 'cannedResponses.manage') && { path: '/app/settings/canned-responses', label: 'Canned responses' },
  ];
  return sections.filter((section): section is Section => section !== false);
}
