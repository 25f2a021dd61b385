import { Outlet } from 'react-router';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';
import { useLiveInvalidation } from './useLiveInvalidation';
import { useStoredFlag } from './useStoredFlag';

// The dashboard's frame: a compact top bar, the navigation (a collapsible sidebar at desktop widths, a bar
// at the bottom of a phone's screen) and the page, which has the rest of the screen's height.
// Its layout rules live in shell.css under `.shell-*` names that no page stylesheet may use
// (scripts/web-css-scope.test.ts), so a lazily loaded page cannot rearrange the frame.
export function AppShell() {
  useLiveInvalidation();
  const [collapsed, setCollapsed] = useStoredFlag('wgp.sidebar.collapsed');
  return (
    <div className="shell" data-sidebar={collapsed ? 'collapsed' : 'expanded'}>
      <TopBar />
      <div className="shell-body">
        <SideNav collapsed={collapsed} onToggle={() => setCollapsed(!collapsed)} />
        <main id="main" className="shell-main">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
