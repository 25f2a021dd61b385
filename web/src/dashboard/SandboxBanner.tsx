import { useAuth } from '../app/auth';
import { SANDBOX_PHONE_URL } from '../app/site';

// Sandbox workspaces talk to simulated customers; say so everywhere, so nobody mistakes it for live WhatsApp.
export function SandboxBanner() {
  const { me } = useAuth();
  if (me.mode !== 'sandbox') return null;
  return (
    <div className="sandbox-banner" role="note" aria-label="Sandbox mode">
      <strong>Sandbox</strong> Messages go to simulated customers, not real WhatsApp.{' '}
      <a href={SANDBOX_PHONE_URL} target="_blank" rel="noopener">Open the customer phone<span className="visually-hidden"> (opens in a new tab)</span></a>
    </div>
  );
}
