import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useApi } from '../../../dashboard/useApi';
import { FormAlert } from '../../../ui/FormAlert';
import { TextField } from '../../../ui/TextField';
import { fieldIssues } from '../../../ui/fieldIssues';
import { focusFirstInvalid } from '../../../ui/focusFirstInvalid';
import { WEBHOOK_EVENTS, type CreatedSubscription, type WebhookEvent } from './webhook';

export function CreateWebhookForm({ onCreated }: { onCreated: (created: CreatedSubscription) => void }) {
  const api = useApi();
  const formRef = useRef<HTMLFormElement>(null);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const [errors, setErrors] = useState<{ url?: string; events?: string; form: string[] }>({ form: [] });
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const local = { url: url.trim() ? undefined : 'Give the address of your endpoint, e.g. https://example.com/whatgrow.', events: events.length ? undefined : 'Choose at least one event.', form: [] };
    if (local.url || local.events) {
      flushSync(() => setErrors(local));
      return focusFirstInvalid(formRef.current);
    }
    setSubmitting(true);
    try {
      const created = await api<CreatedSubscription>('/webhook-subscriptions', 'POST', { url: url.trim(), events });
      setErrors({ form: [] });
      setUrl('');
      setEvents([]);
      onCreated(created);
    } catch (error) {
      const found = fieldIssues(error, ['url', 'events'] as const);
      flushSync(() => setErrors({ ...found.fields, form: found.form }));
      focusFirstInvalid(formRef.current);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section aria-labelledby="create-webhook-title">
      <h2 id="create-webhook-title">Add an endpoint</h2>
      {errors.form.length > 0 && <FormAlert>{errors.form.map((m) => <p key={m}>{m}</p>)}</FormAlert>}
      <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField id="webhook-url" label="Endpoint URL" type="url" inputMode="url" autoComplete="off" maxLength={2000} placeholder="https://" value={url} error={errors.url} onChange={(e) => setUrl(e.target.value)} />
        <fieldset className="webhook-events" aria-invalid={errors.events ? true : undefined} aria-describedby={errors.events ? 'webhook-events-error' : undefined}>
          <legend>Events</legend>
          {WEBHOOK_EVENTS.map(([name, description]) => (
            <label key={name} className="field field-checkbox">
              <input type="checkbox" checked={events.includes(name)} onChange={(e) => setEvents((list) => (e.target.checked ? [...list, name] : list.filter((n) => n !== name)))} />
              <span><code>{name}</code> <span className="muted">— {description}</span></span>
            </label>
          ))}
          {errors.events && <p id="webhook-events-error" className="field-error">{errors.events}</p>}
        </fieldset>
        <button type="submit" className="button button-primary" aria-disabled={submitting}>{submitting ? 'Adding…' : 'Add endpoint'}</button>
      </form>
    </section>
  );
}
