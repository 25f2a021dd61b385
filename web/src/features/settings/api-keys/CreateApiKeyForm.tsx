import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useAuth, type Role } from '../../../app/auth';
import { assignableRoles } from '../../../app/permissions';
import { useApi } from '../../../dashboard/useApi';
import { FormAlert } from '../../../ui/FormAlert';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { fieldIssues } from '../../../ui/fieldIssues';
import { focusFirstInvalid } from '../../../ui/focusFirstInvalid';
import { roleOptions } from '../roleOptions';
import type { CreatedKey } from './apiKey';

export function CreateApiKeyForm({ onCreated }: { onCreated: (key: CreatedKey) => void }) {
  const { me } = useAuth();
  const api = useApi();
  const formRef = useRef<HTMLFormElement>(null);
  const roles = assignableRoles(me);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [errors, setErrors] = useState<{ name?: string; form: string[] }>({ form: [] });
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    if (!name.trim()) {
      flushSync(() => setErrors({ name: 'Name the key after what will use it, e.g. “Shop backend”.', form: [] }));
      return focusFirstInvalid(formRef.current);
    }
    setSubmitting(true);
    try {
      const created = await api<CreatedKey>('/api-keys', 'POST', { name: name.trim(), role });
      setErrors({ form: [] });
      setName('');
      onCreated(created);
    } catch (error) {
      const found = fieldIssues(error, ['name'] as const);
      flushSync(() => setErrors({ name: found.fields.name, form: found.form }));
      focusFirstInvalid(formRef.current);
      setSubmitting(false);
    }
  };

  return (
    <section aria-labelledby="create-key-title">
      <h2 id="create-key-title">Create a key</h2>
      {errors.form.length > 0 && <FormAlert>{errors.form.map((message) => <p key={message}>{message}</p>)}</FormAlert>}
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id="key-name" label="Name" maxLength={100} autoComplete="off" value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
        <SelectField id="key-role" label="Role" hint="Give the key the least it needs." options={roleOptions(roles)} value={role} onChange={(e) => setRole(e.target.value as Role)} />
        <button type="submit" className="button button-primary" aria-disabled={submitting}>{submitting ? 'Creating…' : 'Create key'}</button>
      </form>
    </section>
  );
}
