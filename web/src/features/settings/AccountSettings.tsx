import { useAuth } from '../../app/auth';
import { usePageTitle } from '../../app/usePageTitle';
import { GoogleAccountSection } from '../auth/GoogleAccountSection';

export function AccountSettings() {
  usePageTitle('Settings');
  const { me } = useAuth();
  const workspace = me.workspaces.find((candidate) => candidate.id === me.currentWorkspaceId);
  return (
    <>
      <h1>Settings</h1>
      <section aria-labelledby="account-title">
        <h2 id="account-title">Your account</h2>
        <dl className="details">
          <dt>Name</dt><dd><bdi>{me.user.name}</bdi></dd>
          <dt>Email</dt><dd>{me.user.email}</dd>
          <dt>Workspace</dt><dd><bdi>{workspace?.name}</bdi></dd>
          <dt>Your role</dt><dd>{me.role}</dd>
          <dt>WhatsApp mode</dt><dd>{me.mode === 'sandbox' ? 'Sandbox (simulated customers)' : 'Cloud API'}</dd>
        </dl>
      </section>
      <GoogleAccountSection />
    </>
  );
}
