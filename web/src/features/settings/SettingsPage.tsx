import type { ComponentType } from 'react';
import { useAuth } from '../../app/auth';
import { usePathname } from '../../app/navigation';
import { AccountSettings } from './AccountSettings';
import { SettingsNav } from './SettingsNav';
import { visibleSections } from './sections';
import { ApiKeysSettings } from './api-keys/ApiKeysSettings';
import { AuditLogSettings } from './audit/AuditLogSettings';
import { AutomationSettings } from './automation/AutomationSettings';
import { CannedResponsesSettings } from './canned/CannedResponsesSettings';
import { LabelsSettings } from './labels/LabelsSettings';
import { ChannelsSettings } from './channels/ChannelsSettings';
import { MembersSettings } from './members/MembersSettings';
import { WebhooksSettings } from './webhooks/WebhooksSettings';
import './settings.css';

const SECTION_PAGES: Record<string, ComponentType> = {
  '/app/settings': AccountSettings,
  '/app/settings/channels': ChannelsSettings,
  '/app/settings/members': MembersSettings,
  '/app/settings/api-keys': ApiKeysSettings,
  '/app/settings/audit': AuditLogSettings,
  '/app/settings/webhooks': WebhooksSettings,
  '/app/settings/automation': AutomationSettings,
  '/app/settings/labels': LabelsSettings,
  '/app/settings/canned-responses': CannedResponsesSettings,
};

// /app/settings and its sections; a section the role may not see is not offered, and visiting it says why.
export function SettingsPage() {
  const { me } = useAuth();
  const pathname = usePathname().replace(/\/+$/, '');
  const sections = visibleSections(me);
  const allowed = sections.some((section) => section.path === pathname);
  const Section = allowed ? SECTION_PAGES[pathname] : undefined;
  return (
    <div className="settings">
      <SettingsNav sections={sections} pathname={pathname} />
      <div className="settings-content">
        {Section ? <Section /> : <SectionUnavailable known={pathname in SECTION_PAGES} />}
      </div>
    </div>
  );
}

function SectionUnavailable({ known }: { known: boolean }) {
  return (
    <>
      <h1>{known ? 'Not available to your role' : 'Page not found'}</h1>
      <p>{known ? 'Your role in this workspace does not include this part of the settings. Ask an owner or admin.' : 'Choose a section of the settings from the menu.'}</p>
    </>
  );
}
