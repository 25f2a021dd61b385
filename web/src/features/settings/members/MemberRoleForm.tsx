import { useState, type FormEvent } from 'react';
import type { Role } from '../../../app/auth';
import { useApi } from '../../../dashboard/useApi';
import { SelectField } from '../../../ui/SelectField';
import { roleOptions } from '../roleOptions';
import type { Member } from './member';

// A select and a button rather than saving on change: arrowing through a select must not change anyone's role.
export function MemberRoleForm({ member, roles, onSaved }: { member: Member; roles: Role[]; onSaved: () => void }) {
  const api = useApi();
  const [role, setRole] = useState<Role>(member.role);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || role === member.role) return;
    setSaving(true);
    setError(null);
    try {
      await api(`/members/${encodeURIComponent(member.id)}`, 'PATCH', { role });
      onSaved();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not change the role.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)}>
      <SelectField
        id={`role-${member.id}`}
        label={`Role of ${member.name}`}
        options={roleOptions(roles)}
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
      />
      <button type="submit" className="button" aria-disabled={saving || role === member.role}>Change role</button>
      {error && <p className="field-error" role="alert">{error}</p>}
    </form>
  );
}
