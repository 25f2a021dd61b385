import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useApi } from '../../../dashboard/useApi';
import { FormAlert } from '../../../ui/FormAlert';
import { TextField } from '../../../ui/TextField';
import { fieldIssues } from '../../../ui/fieldIssues';
import { focusFirstInvalid } from '../../../ui/focusFirstInvalid';
import { parseTags, TAG_MAX, type Contact } from '../contact';
import { AttributesEditor, attributeRows, checkAttributes, type AttributeRow } from './AttributesEditor';

type Errors = { name?: string; tags?: string; attributes?: string; form: string[] };

export function EditContactForm({ contact, onSaved }: { contact: Contact; onSaved: () => void }) {
  const api = useApi();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(contact.name ?? '');
  const [tags, setTags] = useState(contact.tags.join(', '));
  const [rows, setRows] = useState<AttributeRow[]>(() => attributeRows(contact.attributes));
  const [errors, setErrors] = useState<Errors>({ form: [] });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState('');

  const fail = (next: Errors) => {
    flushSync(() => setErrors(next));
    focusFirstInvalid(formRef.current);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaved('');
    const tagList = parseTags(tags);
    const checked = checkAttributes(rows);
    const local: Errors = { form: [] };
    if (!name.trim() && contact.name) local.name = 'A name cannot be removed, only changed.';
    if (tagList.some((tag) => tag.length > TAG_MAX)) local.tags = `A tag has at most ${TAG_MAX} characters.`;
    if (typeof checked === 'string') local.attributes = checked;
    if (local.name || local.tags || local.attributes) return fail(local);
    setSaving(true);
    try {
      const body = { ...(name.trim() ? { name: name.trim() } : {}), tags: tagList, attributes: checked as Record<string, string> };
      await api<Contact>(`/contacts/${encodeURIComponent(contact.id)}`, 'PATCH', body);
      setErrors({ form: [] });
      setSaved('Changes saved.');
      onSaved();
    } catch (error) {
      const found = fieldIssues(error, ['name', 'tags', 'attributes'] as const);
      fail({ ...found.fields, form: found.form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="edit-contact-title">
      <h2 id="edit-contact-title">Details</h2>
      {errors.form.length > 0 && <FormAlert>{errors.form.map((message) => <p key={message}>{message}</p>)}</FormAlert>}
      <form ref={formRef} className="form contact-edit" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id="edit-name" label="Name" autoComplete="off" maxLength={256} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
        <TextField id="edit-tags" label="Tags" hint="Separate tags with commas." autoComplete="off" value={tags} error={errors.tags} onChange={(e) => setTags(e.target.value)} />
        <AttributesEditor rows={rows} onChange={setRows} error={errors.attributes} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={saving}>{saving ? 'Saving…' : 'Save changes'}</button>
          <p role="status" className="success">{saved}</p>
        </div>
      </form>
    </section>
  );
}
