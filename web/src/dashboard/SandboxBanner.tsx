import { useAuth } from '../app/auth';
import { can } from '../app/permissions';
import { OpenCustomerPhoneButton } from '../features/sandbox/OpenCustomerPhoneButton';

// Sandbox workspaces talk to simulated customers; say so everywhere, so nobody mistakes it for live WhatsApp.
export function SandboxBanner() {
  const { me } = useAuth();
  if (me.mode !== 'sandbox') return null;
  return (
    <div className="sandbox-banner" role="note" aria-label="Sandbox mode">
      <strong>Sandbox</strong> <span className="sandbox-explained">Messages go to simulated customers, not real WhatsApp.</span>{' '}
      {can(me, 'inbox.read') && <OpenCustomerPhoneButton className="link-button" label="Open the customer phone" />}
    </div>
  );
}
