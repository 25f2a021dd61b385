import { lazy, Suspense, type ComponentType } from 'react';
import { ConsentProvider } from './ConsentProvider';
import { CookieBanner } from './CookieBanner';
import { PublicLayout } from './PublicLayout';
import { SiteFooter } from './SiteFooter';
import { usePathname } from './router';
import { LandingPage } from '../pages/LandingPage';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PrivacyPage } from '../pages/PrivacyPage';
import { SignupPage } from '../pages/SignupPage';
import { GoogleLinkPage } from '../features/auth/GoogleLinkPage';
import { GoogleSignUpPage } from '../features/auth/GoogleSignUpPage';

// The dashboard is loaded only when visited, so the public pages stay light.
const DashboardApp = lazy(() => import('../dashboard/DashboardApp'));

const publicPages: Record<string, ComponentType> = {
  '/': LandingPage,
  '/signup': SignupPage,
  '/login': LoginPage,
  '/privacy': PrivacyPage,
  '/signup/google': GoogleSignUpPage,
  '/login/google': GoogleLinkPage,
};

export function App() {
  const pathname = usePathname();
  const inDashboard = pathname === '/app' || pathname.startsWith('/app/');
  const Page = publicPages[pathname] ?? NotFoundPage;

  return (
    <ConsentProvider>
      <a className="skip-link" href="#main">Skip to content</a>
      {inDashboard ? (
        <Suspense fallback={<p className="page-status" role="status">Loading the dashboard…</p>}>
          <DashboardApp />
        </Suspense>
      ) : (
        <PublicLayout>
          <Page />
        </PublicLayout>
      )}
      <SiteFooter />
      <CookieBanner />
    </ConsentProvider>
  );
}
