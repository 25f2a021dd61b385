import { Link, usePathname } from '../app/navigation';
import { NavIcon, type IconName } from './NavIcon';

const SECTIONS: readonly [to: string, label: string, icon: IconName][] = [
  ['/app', 'Overview', 'overview'],
  ['/app/inbox', 'Inbox', 'inbox'],
  ['/app/contacts', 'Contacts', 'contacts'],
  ['/app/templates', 'Templates', 'templates'],
  ['/app/campaigns', 'Campaigns', 'campaigns'],
  ['/app/settings', 'Settings', 'settings'],
];

type Props = { collapsed: boolean; onToggle: () => void };

// The dashboard's sections. A collapsed sidebar keeps its icons and hides the words from sight only
// (screen readers still read them); on a phone the same list is a bar at the bottom of the screen.
export function SideNav({ collapsed, onToggle }: Props) {
  const pathname = usePathname().replace(/\/+$/, '') || '/app';
  return (
    <nav className="shell-nav" aria-label="Dashboard">
      <ul className="shell-nav-list">
        {SECTIONS.map(([to, label, icon]) => (
          <li key={to}>
            <Link to={to} className="shell-nav-link" aria-current={current(pathname, to)} title={collapsed ? label : undefined}>
              <NavIcon name={icon} />
              <span className="shell-nav-label">{label}</span>
            </Link>
          </li>
        ))}
      </ul>
      <button type="button" className="shell-collapse" aria-expanded={!collapsed} onClick={onToggle}>
        <NavIcon name={collapsed ? 'expand' : 'collapse'} />
        <span className="shell-nav-label">{collapsed ? 'Expand the menu' : 'Collapse the menu'}</span>
      </button>
    </nav>
  );
}

// A section's own page is "page"; its sub-pages (a conversation, a settings section) mark it as the current location.
function current(pathname: string, to: string): 'page' | 'location' | undefined {
  if (pathname === to) return 'page';
  if (to !== '/app' && pathname.startsWith(`${to}/`)) return 'location';
  return undefined;
}
