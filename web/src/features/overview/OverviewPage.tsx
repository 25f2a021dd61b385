import { useAuth } from '../../app/auth';
import { can } from '../../app/permissions';
import { Link } from '../../app/navigation';
import { usePageTitle } from '../../app/usePageTitle';
import { OpenCustomerPhoneButton } from '../sandbox/OpenCustomerPhoneButton';

export function OverviewPage() {
  usePageTitle('Overview');
  const { me } = useAuth();
  return (
    <>
      <h1>Welcome, <bdi>{me.user.name}</bdi></h1>
      {me.mode === 'sandbox' ? (
        <section aria-labelledby="start-title" className="card">
          <h2 id="start-title">Chat with your own inbox</h2>
          <p>Your workspace has a sandbox WhatsApp number and three simulated customers. No Meta account needed.</p>
          <ol className="steps">
            <li>
              {can(me, 'inbox.read') ? <OpenCustomerPhoneButton /> : 'Ask an agent or admin to open the customer phone.'}
            </li>
            <li>Pick a customer and send your business a message.</li>
            <li>It arrives in your team’s inbox; replies show up on the phone.</li>
          </ol>
        </section>
      ) : (
        <section aria-labelledby="start-title" className="card">
          <h2 id="start-title">Connect your WhatsApp number</h2>
          <p>
            This server talks to Meta’s Cloud API. Connect your WhatsApp Business number under{' '}
            <Link to="/app/settings/channels">Settings → Channels</Link>, or through the API (see the{' '}
            <a href="/docs">API documentation</a>).
          </p>
        </section>
      )}
    </>
  );
}
