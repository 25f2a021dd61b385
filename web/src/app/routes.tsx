import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PublicLayout } from './PublicLayout';
import { RootLayout } from './RootLayout';
import { LandingPage } from '../pages/LandingPage';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PrivacyPage } from '../pages/PrivacyPage';
import { SignupPage } from '../pages/SignupPage';
import { GoogleLinkPage } from '../features/auth/GoogleLinkPage';
import { GoogleSignUpPage } from '../features/auth/GoogleSignUpPage';

// A page of the dashboard, downloaded when first visited: visitors of the public pages load none of it,
// and each section is a chunk of its own.
const page = (load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: await load() }),
});

const dashboardRoutes: RouteObject[] = [
  { index: true, ...page(() => import('../features/overview/OverviewPage').then((m) => m.OverviewPage)) },
  { path: 'inbox/:conversationId?', ...page(() => import('../features/inbox/InboxPage').then((m) => m.InboxPage)) },
  { path: 'contacts/*', ...page(() => import('../features/contacts/ContactsPage').then((m) => m.ContactsPage)) },
  { path: 'templates', ...page(() => import('../features/templates/TemplatesPage').then((m) => m.TemplatesPage)) },
  { path: 'campaigns/*', ...page(() => import('../features/campaigns/CampaignsPage').then((m) => m.CampaignsPage)) },
  { path: 'settings/*', ...page(() => import('../features/settings/SettingsPage').then((m) => m.SettingsPage)) },
  { path: 'join', ...page(() => import('../features/invitations/AcceptInvitationPage').then((m) => m.AcceptInvitationPage)) },
  { path: '*', ...page(() => import('../dashboard/DashboardNotFound').then((m) => m.DashboardNotFound)) },
];

export const routes: RouteObject[] = [
  {
    Component: RootLayout,
    HydrateFallback: () => <p className="page-status" role="status">Loading…</p>,
    children: [
      {
        Component: PublicLayout,
        children: [
          { index: true, Component: LandingPage },
          { path: 'signup', Component: SignupPage },
          { path: 'login', Component: LoginPage },
          { path: 'signup/google', Component: GoogleSignUpPage },
          { path: 'login/google', Component: GoogleLinkPage },
          { path: 'privacy', Component: PrivacyPage },
          { path: '*', Component: NotFoundPage },
        ],
      },
      {
        path: 'app',
        lazy: async () => ({ Component: (await import('../dashboard/DashboardLayout')).default }),
        children: dashboardRoutes,
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
