import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { ApiError } from '../../app/api';
import { useNavigate } from 'react-router';
import { Link } from '../../app/navigation';
import { useApi } from '../../dashboard/useApi';
import { FormAlert } from '../../ui/FormAlert';
import { TextField } from '../../ui/TextField';
import { fieldIssues } from '../../ui/fieldIssues';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid';
import { contactPath, parseTags, type Contact } from './contact';

type Errors = { phone?: string; name?: string; tags?: string; form: string[]; existingId?: string };

export function CreateContactForm() {
  const navigate = useNavigate();
  const api = useApi();
  const formRef = useRef<HTMLFormElement>(null);
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [tags, setTags] = useState('');
  const [errors, setErrors] = useState<Errors>({ form: [] });
  const [submitting, setSubmitting] = useState(false);

  const fail = (next: Errors) => {
    flushSync(() => setErrors(next));
    focusFirstInvalid(formRef.current);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    if (!phone.trim()) return fail({ phone: 'Enter the phone number with its country code, e.g. +34 600 123 456.', form: [] });
    setSubmitting(true);
    try {
      const body = { phone: phone.trim(), ...(name.trim() ? { name: name.trim() } : {}), tags: parseTags(tags) };
      const created = await api<Contact>('/contacts', 'POST', body);
      navigate(contactPath(created.id));
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError && error.code === 'contact_exists') {
        const existingId = typeof error.details?.contactId === 'string' ? error.details.contactId : undefined;
        return fail({ phone: error.message, form: [], existingId });
      }
      const found = fieldIssues(error, ['phone', 'name', 'tags'] as const);
      fail({ ...found.fields, form: found.form });
    }
  };

  return (
    <section aria-labelledby="create-contact-title">
      <h2 id="create-contact-title">Add a contact</h2>
      {errors.form.length > 0 && <FormAlert>{errors.form.map((message) => <p key={message}>{message}</p>)}</FormAlert>}
      <form ref={formRef} className="inline-form contact-create" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id="contact-phone" label="Phone number" type="tel" autoComplete="off" inputMode="tel" maxLength={20} value={phone} error={errors.phone} onChange={(e) => setPhone(e.target.value)} />
        {errors.existingId && <p className="existing-contact"><Link to={contactPath(errors.existingId)}>Open the existing contact</Link></p>}
        <TextField id="contact-name" label="Name (optional)" autoComplete="off" maxLength={256} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
        <TextField id="contact-tags" label="Tags (optional)" hint="Separate tags with commas, e.g. vip, newsletter." autoComplete="off" value={tags} error={errors.tags} onChange={(e) => setTags(e.target.value)} />
        <button type="submit" className="button button-primary" aria-disabled={submitting}>{submitting ? 'Adding…' : 'Add contact'}</button>
      </form>
    </section>
  );
}
