import { Outlet } from 'react-router';
import { ConsentProvider } from './ConsentProvider';
import { CookieBanner } from './CookieBanner';
import { useFocusOnNavigation } from './useFocusOnNavigation';

// Around every page, public or dashboard: the skip link and the cookie banner.
export function RootLayout() {
  useFocusOnNavigation();
  return (
    <ConsentProvider>
      <a className="skip-link" href="#main">Skip to content</a>
      <Outlet />
      <CookieBanner />
    </ConsentProvider>
  );
}
