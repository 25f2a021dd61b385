import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { useApi } from '../../../dashboard/useApi';
import { ConfirmAction } from '../../../ui/ConfirmAction';
import { TextField } from '../../../ui/TextField';
import type { Contact } from '../contact';
import type { ErasureCertificate } from './erasure-certificate';

const CONFIRMATION = 'ERASE';

// The person's rights, for owners and admins: a download of everything held about them, and their
// erasure behind a typed confirmation. The server's matrix decides (GET /me lists the permissions).
export function ContactPrivacySection({ contact, onErased }: { contact: Contact; onErased: (certificate: ErasureCertificate) => void }) {
  const { me } = useAuth();
  const api = useApi();
  const [typed, setTyped] = useState('');
  const mayExport = me.permissions.includes('contacts.export');
  const mayErase = me.permissions.includes('contacts.erase');
  if (!mayExport && !mayErase) return null;
  const id = encodeURIComponent(contact.id);

  const erase = async () => {
    if (typed.trim().toUpperCase() !== CONFIRMATION) throw new Error(`Type ${CONFIRMATION} to confirm.`);
    onErased(await api<ErasureCertificate>(`/contacts/${id}`, 'DELETE'));
  };

  return (
    <section aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy</h2>
      {mayExport && (
        <p>
          <a className="button" href={`/api/v1/contacts/${id}/export`} download>Download their data</a>{' '}
          A ZIP of everything held about this person: profile, consent, conversations, messages and files, with a readable summary.
        </p>
      )}
      {mayErase && (
        <ConfirmAction trigger="Erase this person" title="Erase this person?" confirmLabel="Erase for good" action={erase}>
          <p>
            Their encryption keys are destroyed, then their profile, consent record, conversations, notes, messages, files and
            pending webhooks are deleted. This cannot be undone. Message counts stay in your figures, without content.
          </p>
          <TextField id="erase-confirmation" label={`Type ${CONFIRMATION} to confirm`} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </ConfirmAction>
      )}
    </section>
  );
}
