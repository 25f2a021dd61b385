import { useState, type FormEvent } from 'react';
import { useAction } from '../../../dashboard/useAction';
import { useApi } from '../../../dashboard/useApi';
import { useResource } from '../../../dashboard/useResource';
import { FormAlert } from '../../../ui/FormAlert';
import { ResourceState } from '../../../ui/ResourceState';
import { TextField } from '../../../ui/TextField';
import type { ConsentEntry, Contact } from '../contact';
import { ConsentTable } from './ConsentTable';


// Marketing needs the customer's opt-in. Every change is appended to a hash-chained ledger (the
// customer's STOP/START, Meta's marketing preference, imports, and what an agent records here).
export function ConsentSection({ contact, onChanged }: { contact: Contact; onChanged: () => void }) {
  const api = useApi();
  const [history, reload] = useResource<{ data: ConsentEntry[] }>(`/contacts/${encodeURIComponent(contact.id)}/consent`);
  const [source, setSource] = useState('');
  const { busy, error, run } = useAction();
  const [done, setDone] = useState('');
  const granting = !contact.marketingConsent;

  const record = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setDone('');
    await run(async () => {
      await api(`/contacts/${encodeURIComponent(contact.id)}/consent`, 'POST', { purpose: 'marketing', granted: granting, source: source.trim() || 'dashboard' });
      setSource('');
      setDone(granting ? 'Marketing consent recorded.' : 'Withdrawal of marketing consent recorded.');
      reload();
      onChanged();
    });
  };

  return (
    <section aria-labelledby="consent-title">
      <h2 id="consent-title">Marketing consent</h2>
      <p>
        {contact.marketingConsent
          ? 'This contact agreed to receive marketing messages.'
          : 'This contact has not agreed to receive marketing messages: campaigns skip them. Service and utility messages need no consent.'}
      </p>
      {error && <FormAlert><p>{error}</p></FormAlert>}
      <form className="inline-form" onSubmit={(event) => void record(event)}>
        <TextField
          id="consent-source"
          label={granting ? 'Where the customer agreed (optional)' : 'How the customer withdrew (optional)'}
          hint={granting ? 'e.g. “signed the in-store form”. Only record consent the customer actually gave.' : 'e.g. “asked by phone”.'}
          maxLength={100}
          autoComplete="off"
          value={source}
          onChange={(e) => setSource(e.target.value)}
        />
        <button type="submit" className={granting ? 'button button-primary' : 'button button-danger'} aria-disabled={busy}>
          {busy ? 'Recording…' : granting ? 'Record consent' : 'Record withdrawal'}
        </button>
        <p role="status" className="success">{done}</p>
      </form>
      <h3 id="consent-history-title" className="consent-history-title">History</h3>
      <ResourceState resource={history} what="the consent history" onRetry={reload}>
        {({ data }) => <ConsentTable entries={data} />}
      </ResourceState>
    </section>
  );
}
