import type { ComponentType } from 'react';
import { AuthProvider } from '../app/auth';
import { usePathname } from '../app/router';
import { usePageTitle } from '../app/usePageTitle';
import { CampaignsPage } from '../features/campaigns/CampaignsPage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { InboxPage } from '../features/inbox/InboxPage';
import { AcceptInvitationPage } from '../features/invitations/AcceptInvitationPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TemplatesPage } from '../features/templates/TemplatesPage';
import { DashboardHeader } from './DashboardHeader';
import { DashboardNav } from './DashboardNav';
import { SandboxBanner } from './SandboxBanner';
import './dashboard-frame.css';
import './dashboard.css';

const pages: Record<string, ComponentType> = {
  '/app': OverviewPage,
  '/app/inbox': InboxPage,
  '/app/contacts': ContactsPage,
  '/app/templates': TemplatesPage,
  '/app/campaigns': CampaignsPage,
  '/app/settings': SettingsPage,
  '/app/join': AcceptInvitationPage,
};

// Settings has sections of its own (/app/settings/channels, …), which SettingsPage picks; the inbox
// opens a conversation at /app/inbox/<id>, campaigns the wizard and a campaign's funnel below /app/campaigns/.
function pageFor(pathname: string): ComponentType {
  if (pathname.startsWith('/app/settings/')) return SettingsPage;
  if (pathname.startsWith('/app/inbox/')) return InboxPage;
  // A contact (/app/contacts/<id>) or the CSV import (/app/contacts/import), which ContactsPage picks.
  if (pathname.startsWith('/app/contacts/')) return ContactsPage;
  if (pathname.startsWith('/app/campaigns/')) return CampaignsPage;
  return pages[pathname] ?? DashboardNotFound;
}

// The lazily loaded /app area: nothing here is downloaded by visitors of the public pages.
export default function DashboardApp() {
  const pathname = usePathname().replace(/\/+$/, '') || '/app';
  const Page = pageFor(pathname);
  return (
    <AuthProvider>
      <DashboardHeader />
      <SandboxBanner />
      <div className="dashboard">
        <DashboardNav pathname={pathname} />
        <main id="main" className="dashboard-main">
          <Page />
        </main>
      </div>
    </AuthProvider>
  );
}

function DashboardNotFound() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>This part of the dashboard does not exist. Choose a section from the menu.</p>
    </>
  );
}
