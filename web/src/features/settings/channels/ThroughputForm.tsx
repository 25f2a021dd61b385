import { useState, type FormEvent } from 'react';
import { useApi } from '../../../dashboard/useApi';
import type { Channel } from './channel';

const MAX_MPS = 1000;

// Meta sets the number's tier; the one case to lower it by hand is a number shared with the Business app (20).
export function ThroughputForm({ channel, onSaved }: { channel: Channel; onSaved: () => void }) {
  const api = useApi();
  const id = `throughput-${channel.id}`;
  const [value, setValue] = useState(String(channel.throughputMps));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const mps = Number(value);
    if (!Number.isInteger(mps) || mps < 1 || mps > MAX_MPS) {
      return setMessage({ error: true, text: `Enter a whole number from 1 to ${MAX_MPS}.` });
    }
    setSaving(true);
    setMessage(null);
    try {
      await api(`/channels/${encodeURIComponent(channel.id)}`, 'PATCH', { throughputMps: mps });
      setMessage({ error: false, text: 'Throughput saved.' });
      onSaved();
    } catch (failure) {
      setMessage({ error: true, text: failure instanceof Error ? failure.message : 'Could not save.' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="inline-form" noValidate onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={id}>Throughput (messages per second)</label>
        <p id={`${id}-hint`} className="field-hint">80 is standard, 1,000 high; use 20 for a number shared with the WhatsApp Business app.</p>
        <div className="copy-field-row">
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_MPS}
            value={value}
            aria-describedby={`${id}-hint ${id}-message`}
            aria-invalid={message?.error ? true : undefined}
            onChange={(event) => setValue(event.target.value)}
          />
          <button type="submit" className="button" aria-disabled={saving}>Save<span className="visually-hidden"> throughput</span></button>
        </div>
      </div>
      <p id={`${id}-message`} className={message?.error ? 'field-error' : 'field-hint'} role="status">{message?.text}</p>
    </form>
  );
}
