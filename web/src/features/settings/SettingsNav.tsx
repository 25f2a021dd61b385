import { Link } from '../../app/navigation';
import type { Section } from './sections';

export function SettingsNav({ sections, pathname }: { sections: Section[]; pathname: string }) {
  return (
    <nav className="settings-nav" aria-label="Settings">
      <ul className="inline-list">
        {sections.map((section) => (
          <li key={section.path}>
            <Link to={section.path} aria-current={pathname === section.path ? 'page' : undefined}>{section.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
