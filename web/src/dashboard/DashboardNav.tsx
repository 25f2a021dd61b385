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
            <Link to={to} aria-current={current(pathname, to)}>{label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// A section's own page is "page"; its sub-pages (the settings sections) mark it as the current location.
function current(pathname: string, to: string): 'page' | 'location' | undefined {
  if (pathname === to) return 'page';
  if (to !== '/app' && pathname.startsWith(`${to}/`)) return 'location';
  return undefined;
}
