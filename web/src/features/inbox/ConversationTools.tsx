import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useApi } from '../../dashboard/useApi';
import { asApiError } from '../../dashboard/useResource';
import type { Conversation, Label, Member } from './types';

type Props = { conversation: Conversation; members: Member[]; labels: Label[]; onChanged: () => void };

// Resolve / reopen, assignment and labels: each change is one PATCH of the conversation.
export function ConversationTools({ conversation, members, labels, onChanged }: Props) {
  const api = useApi();
  const { me } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const patch = async (body: Partial<Pick<Conversation, 'status' | 'assigneeId' | 'labels'>>) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/conversations/${encodeURIComponent(conversation.id)}`, 'PATCH', body);
      onChanged();
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const resolved = conversation.status === 'resolved';
  const assignable = members.some((m) => m.id === me.user.id) ? members : [{ id: me.user.id, name: me.user.name, email: me.user.email }, ...members];
  const toggleLabel = (name: string, on: boolean) => void patch({ labels: on ? [...conversation.labels, name] : conversation.labels.filter((l) => l !== name) });

  return (
    <div className="inbox-tools" aria-busy={busy}>
      <button type="button" className="button" onClick={() => void patch({ status: resolved ? 'open' : 'resolved' })}>
        {resolved ? 'Reopen' : 'Resolve'}
      </button>
      {conversation.status !== 'pending' && !resolved && (
        <button type="button" className="button button-quiet" onClick={() => void patch({ status: 'pending' })}>Mark pending</button>
      )}
      <label className="inbox-tool">
        Assigned to
        <select value={conversation.assigneeId ?? ''} onChange={(e) => void patch({ assigneeId: e.target.value || null })}>
          <option value="">Nobody</option>
          {assignable.map((m) => <option key={m.id} value={m.id}>{m.id === me.user.id ? `${m.name} (you)` : m.name}</option>)}
        </select>
      </label>
      {labels.length > 0 && (
        <fieldset className="inbox-labels">
          <legend>Labels</legend>
          {labels.map((l) => (
            <label key={l.id}>
              <input type="checkbox" checked={conversation.labels.includes(l.name)} onChange={(e) => toggleLabel(l.name, e.target.checked)} /> {l.name}
            </label>
          ))}
        </fieldset>
      )}
      {error && <p className="inline-error" role="alert">{error}</p>}
    </div>
  );
}
