import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Role } from '../../../app/auth';
import { useApi } from '../../../dashboard/useApi';
import { CopyField } from '../../../ui/CopyField';
import { FormAlert } from '../../../ui/FormAlert';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { fieldIssues } from '../../../ui/fieldIssues';
import { focusFirstInvalid } from '../../../ui/focusFirstInvalid';
import { roleOptions } from '../roleOptions';

// Owners are made by promoting a member, never by invitation (the API refuses it).
const INVITABLE: Role[] = ['agent', 'analyst', 'admin'];

// No email is sent yet (no SMTP): the inviter hands the link over themselves.
export function InviteForm() {
  const api = useApi();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [errors, setErrors] = useState<{ email?: string; form: string[] }>({ form: [] });
  const [invited, setInvited] = useState<{ email: string; acceptUrl: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setInvited(null);
    try {
      const { acceptUrl } = await api<{ acceptUrl: string }>('/invitations', 'POST', { email: email.trim(), role });
      setErrors({ form: [] });
      setInvited({ email: email.trim(), acceptUrl });
      setEmail('');
    } catch (error) {
      const found = fieldIssues(error, ['email'] as const);
      flushSync(() => setErrors({ email: found.fields.email, form: found.form }));
      focusFirstInvalid(formRef.current);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <p>They sign up (or log in) with this email address through the invitation link, which works for 7 days.</p>
      {errors.form.length > 0 && <FormAlert>{errors.form.map((message) => <p key={message}>{message}</p>)}</FormAlert>}
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id="invite-email" label="Email" type="email" autoComplete="off" value={email} error={errors.email} onChange={(e) => setEmail(e.target.value)} />
        <SelectField id="invite-role" label="Role" options={roleOptions(INVITABLE)} value={role} onChange={(e) => setRole(e.target.value as Role)} />
        <button type="submit" className="button button-primary" aria-disabled={submitting}>{submitting ? 'Inviting…' : 'Create invitation'}</button>
      </form>
      {invited && (
        <div className="card notice" role="status">
          <p>Invitation created for {invited.email}. We do not send emails yet: copy this link and send it to them.</p>
          <CopyField label="Invitation link" value={invited.acceptUrl} />
        </div>
      )}
    </section>
  );
}
