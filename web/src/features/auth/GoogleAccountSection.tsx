import { useEffect, useState } from 'react';
import { apiRequest } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useSearchParam } from '../../app/navigation';
import { FormAlert } from '../../ui/FormAlert';
import { googleErrorMessage, googleStatus, type GoogleStatus } from './googleApi';

// Account settings: what Google data is used and why, and "Disconnect Google", which goes by Google
// (to revoke our access there) and comes back to ?google=disconnected.
export function GoogleAccountSection() {
  const { me } = useAuth();
  const [status, setStatus] = useState<GoogleStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const disconnected = useSearchParam('google') === 'disconnected';
  const error = googleErrorMessage(useSearchParam('googleError'));
  useEffect(() => {
    void googleStatus().then(setStatus, () => setStatus(null));
  }, []);
  if (!status?.available) return null;

  const disconnect = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const { authorizationUrl } = await apiRequest<{ authorizationUrl: string }>('/auth/google/disconnect', { method: 'POST', csrfToken: me.csrfToken });
      window.location.assign(authorizationUrl);
    } catch (refusal) {
      setBusy(false);
      setFailure(refusal instanceof Error ? refusal.message : 'Something went wrong.');
    }
  };

  return (
    <section aria-labelledby="google-title">
      <h2 id="google-title">Google</h2>
      {disconnected && <p role="status">Google is disconnected: we revoked our access at Google and removed the link.</p>}
      {(error || failure) && <FormAlert><p>{failure ?? error}</p></FormAlert>}
      <p>What we use from Google, and why:</p>
      <ul>
        <li><strong>Sign in with Google</strong>: your name and email address, read when you sign in, to know it is you. We keep only Google’s identifier for your account, no password or token.</li>
        <li><strong>Import from Google Contacts</strong>: read-only access to your contacts’ names and phone numbers, asked for only when you start an import and used once, to import the contacts you confirm.</li>
      </ul>
      <p>We never use Google data for advertising. <a href="/privacy#google">Read the details</a>.</p>
      {status.linked ? (
        <>
          <p>Your account is linked to a Google account{status.linkedAt ? ` since ${new Date(status.linkedAt).toLocaleDateString()}` : ''}.</p>
          <button type="button" className="button" aria-disabled={busy} onClick={() => void disconnect()}>{busy ? 'Going to Google…' : 'Disconnect Google'}</button>
          <p className="form-note">You will confirm with Google, which then revokes our access.</p>
        </>
      ) : (
        <p>No Google account is linked. Use “Sign in with Google” on the log-in page to link one.</p>
      )}
    </section>
  );
}
