import { useState, type FormEvent } from 'react';
import { useApi } from '../../dashboard/useApi';
import { asApiError, useResource } from '../../dashboard/useResource';
import { formatDateTime } from '../../ui/formatDate';
import { ResourceState } from '../../ui/ResourceState';
import type { Member, Note } from './types';

// Internal notes: seen by the team only, never sent to the customer.
export function NotesPanel({ conversationId, members }: { conversationId: string; members: Member[] }) {
  const api = useApi();
  const path = `/conversations/${encodeURIComponent(conversationId)}/notes`;
  const [notes, reload] = useResource<{ data: Note[] }>(path);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const author = (id: string | null) => members.find((m) => m.id === id)?.name ?? 'A team member';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    try {
      await api(path, 'POST', { body });
      setBody('');
      setError(null);
      reload();
    } catch (e) {
      setError(asApiError(e).message);
    }
  };

  return (
    <details className="inbox-notes">
      <summary>Internal notes{notes.status === 'ready' && notes.data.data.length > 0 ? ` (${notes.data.data.length})` : ''}</summary>
      <ResourceState resource={notes} what="the notes" onRetry={reload}>
        {({ data }) => (
          <ul className="inbox-note-list">
            {data.map((n) => (
              <li key={n.id}>
                <p className="inbox-note-body">{n.body}</p>
                <p className="field-hint">{`${author(n.authorId)}, ${formatDateTime(n.createdAt)}`}</p>
              </li>
            ))}
          </ul>
        )}
      </ResourceState>
      <form onSubmit={(e) => void submit(e)} className="inbox-note-form">
        <label htmlFor="note-body">New note (only your team sees it)</label>
        <textarea id="note-body" rows={2} value={body} onChange={(e) => setBody(e.target.value)} maxLength={10000} />
        <button type="submit" className="button">Add note</button>
        {error && <p className="inline-error" role="alert">{error}</p>}
      </form>
    </details>
  );
}
