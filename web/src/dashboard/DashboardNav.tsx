import { Link } from '../app/router';

const SECTIONS = [
  ['/app', 'Overview'],
  ['/app/inbox', 'Inbox'],
  ['/app/contacts', 'Contacts'],
  ['/app/templates', 'Templates'],
  ['/app/campaigns', 'Campaigns'],
  ['/app/settings', 'Settings'],
] as const;

export function DashboardNav({ pathname }: { pathname: string }) {
  return (
    <nav className="dashboard-nav" aria-label="Dashboard">
      <ul>
        {SECTIONS.map(([to, label]) => (
          <li key={to}>
            <Link to={to} aria-current={pathname === to ? 'page' : undefined}>{label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
