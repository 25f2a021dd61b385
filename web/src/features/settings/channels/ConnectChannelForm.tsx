import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useApi } from '../../../dashboard/useApi';
import { FormAlert } from '../../../ui/FormAlert';
import { TextField } from '../../../ui/TextField';
import { fieldIssues } from '../../../ui/fieldIssues';
import { focusFirstInvalid } from '../../../ui/focusFirstInvalid';
import { ADVANCED_FIELDS, ALL_CONNECT_FIELDS, CONNECT_FIELDS, connectBody, EMPTY_CONNECT, type ConnectField, type ConnectValues } from './connectFields';

type Refusal = { fields: Partial<Record<ConnectField, string>>; form: string[] };
const NO_REFUSAL: Refusal = { fields: {}, form: [] };

// The server checks the credentials with Meta before saving, so its refusals (number already connected,
// credentials rejected, Graph unreachable) are the useful feedback here and are shown as it words them.
export function ConnectChannelForm({ onConnected }: { onConnected: () => void }) {
  const api = useApi();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<ConnectValues>(EMPTY_CONNECT);
  const [refusal, setRefusal] = useState(NO_REFUSAL);
  const [connected, setConnected] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [advancedOpen, setAdvancedOpen] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setConnected(null);
    try {
      const channel = await api<{ displayPhoneNumber: string }>('/channels/whatsapp', 'POST', connectBody(values));
      setRefusal(NO_REFUSAL);
      setValues(EMPTY_CONNECT);
      setConnected(channel.displayPhoneNumber);
      onConnected();
    } catch (error) {
      const found = fieldIssues(error, ALL_CONNECT_FIELDS);
      flushSync(() => {
        setRefusal(found);
        // A refused advanced field must be visible to be focused and fixed.
        if (ADVANCED_FIELDS.some(({ name }) => found.fields[name])) setAdvancedOpen(true);
      });
      if (formRef.current?.querySelector('[aria-invalid="true"]')) focusFirstInvalid(formRef.current);
      else alertRef.current?.focus();
    } finally {
      setSubmitting(false);
    }
  };

  const field = ({ name, label, hint, type }: { name: ConnectField; label: string; hint: string; type: string }) => (
    <TextField
      key={name}
      id={`connect-${name}`}
      label={label}
      hint={hint}
      type={type}
      autoComplete="off"
      spellCheck={false}
      value={values[name]}
      error={refusal.fields[name]}
      onChange={(e) => setValues((current) => ({ ...current, [name]: e.target.value }))}
    />
  );

  return (
    <section aria-labelledby="connect-title">
      <h2 id="connect-title">Connect a WhatsApp number</h2>
      <p>From your Meta Business account. We check the credentials with Meta before saving them.</p>
      {refusal.form.length > 0 && (
        <div ref={alertRef} tabIndex={-1}>
          <FormAlert>{refusal.form.map((message) => <p key={message}>{message}</p>)}</FormAlert>
        </div>
      )}
      {connected && <p className="success" role="status">Connected <bdi>{connected}</bdi>.</p>}
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        {CONNECT_FIELDS.map(field)}
        <details className="advanced" open={advancedOpen} onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}>
          <summary>Advanced: another Graph API</summary>
          <div className="advanced-fields">{ADVANCED_FIELDS.map(field)}</div>
        </details>
        <button type="submit" className="button button-primary" aria-disabled={submitting}>
          {submitting ? 'Checking with Meta…' : 'Connect number'}
        </button>
      </form>
    </section>
  );
}
