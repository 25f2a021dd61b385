import { useAuth } from '../../app/auth';
import { usePageTitle } from '../../app/usePageTitle';
import { SANDBOX_PHONE_URL } from '../../app/site';

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
              <a href={SANDBOX_PHONE_URL} target="_blank" rel="noopener" className="button button-primary">
                Open the customer phone<span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            </li>
            <li>Pick a customer and send your business a message.</li>
            <li>It arrives in your team’s inbox; replies show up on the phone.</li>
          </ol>
        </section>
      ) : (
        <section aria-labelledby="start-title" className="card">
          <h2 id="start-title">Connect your WhatsApp number</h2>
          <p>
            This server talks to Meta’s Cloud API. Connect your WhatsApp Business number through the API (see the{' '}
            <a href="/docs">API documentation</a>); connecting it from the dashboard is coming soon.
          </p>
        </section>
      )}
    </>
  );
}
