import { useState, type FormEvent } from 'react';
import { useResource } from '../../../dashboard/useResource';
import { FormAlert } from '../../../ui/FormAlert';
import { ResourceState } from '../../../ui/ResourceState';
import { TextField } from '../../../ui/TextField';
import type { AudienceMode, Contact, WizardState } from './draft';
import { StepHeading } from './StepHeading';

type Props = { state: WizardState; marketing: boolean; onChange: (audience: WizardState['audience']) => void; onBack: () => void; onNext: () => void };

const MODES: { value: AudienceMode; label: string }[] = [
  { value: 'contacts', label: 'Pick contacts' },
  { value: 'tags', label: 'Contacts with tags' },
  { value: 'import', label: 'Contacts of a CSV import' },
];

const toggle = (list: string[], value: string, on: boolean) => (on ? [...new Set([...list, value])] : list.filter((v) => v !== value));

// Step 2: who receives it. Marketing templates only reach contacts with marketing consent; the server
// skips (and counts) the others, and the review step shows how many.
export function AudienceStep({ state, marketing, onChange, onBack, onNext }: Props) {
  const audience = state.audience;
  const [contacts, reload] = useResource<{ data: Contact[]; nextCursor: string | null }>('/contacts?limit=200');
  const [errors, setErrors] = useState<string[]>([]);
  const known = contacts.status === 'ready' ? contacts.data.data : [];
  const tags = [...new Set(known.flatMap((c) => c.tags))].sort();

  const next = (event: FormEvent) => {
    event.preventDefault();
    const problem =
      audience.mode === 'contacts' && !audience.contactIds.length ? 'Pick at least one contact.'
        : audience.mode === 'tags' && !audience.tags.length ? 'Choose at least one tag.'
          : audience.mode === 'import' && !audience.importId.trim() ? 'Give the id of the import.' : null;
    setErrors(problem ? [problem] : []);
    if (!problem) onNext();
  };

  return (
    <form className="form" noValidate onSubmit={next} aria-labelledby="wizard-step-title">
      <StepHeading>2. Audience</StepHeading>
      {errors.length > 0 && <FormAlert>{errors.map((e) => <p key={e}>{e}</p>)}</FormAlert>}
      {marketing && <p className="field-hint">This is a marketing template: contacts without marketing consent are skipped.</p>}
      <fieldset className="campaign-choice">
        <legend>Choose the audience by</legend>
        {MODES.map((m) => (
          <label key={m.value} className="field-checkbox field">
            <input type="radio" name="audience-mode" value={m.value} checked={audience.mode === m.value} onChange={() => onChange({ ...audience, mode: m.value })} />
            <span>{m.label}</span>
          </label>
        ))}
      </fieldset>
      {audience.mode === 'import' ? (
        <TextField id="audience-import" label="Import id" hint="Shown on the contacts page after a CSV import: the contacts it created or updated." autoComplete="off" value={audience.importId} onChange={(e) => onChange({ ...audience, importId: e.target.value })} />
      ) : (
        <ResourceState resource={contacts} what="the contacts" onRetry={reload}>
          {() => audience.mode === 'contacts' ? (
            <fieldset className="campaign-pick">
              <legend>Contacts ({audience.contactIds.length} picked)</legend>
              {known.length === 0 && <p>No contacts yet.</p>}
              {contacts.status === 'ready' && contacts.data.nextCursor && <p className="field-hint">The 200 newest contacts are listed; choose by tags or by import for larger audiences.</p>}
              {known.map((c) => (
                <label key={c.id} className="field-checkbox field">
                  <input type="checkbox" checked={audience.contactIds.includes(c.id)} onChange={(e) => onChange({ ...audience, contactIds: toggle(audience.contactIds, c.id, e.target.checked) })} />
                  <span><bdi>{c.name ?? c.phone ?? c.id}</bdi>{c.name && c.phone && <span className="muted"> {c.phone}</span>}{marketing && !c.marketingConsent && <span className="muted"> (no marketing consent)</span>}</span>
                </label>
              ))}
            </fieldset>
          ) : (
            <fieldset className="campaign-pick">
              <legend>Tags</legend>
              {tags.length === 0 && <p>No contact has a tag yet.</p>}
              {tags.map((tag) => (
                <label key={tag} className="field-checkbox field">
                  <input type="checkbox" checked={audience.tags.includes(tag)} onChange={(e) => onChange({ ...audience, tags: toggle(audience.tags, tag, e.target.checked) })} />
                  <span><bdi>{tag}</bdi></span>
                </label>
              ))}
            </fieldset>
          )}
        </ResourceState>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onBack}>Back</button>
        <button type="submit" className="button button-primary">Next: schedule</button>
      </div>
    </form>
  );
}
