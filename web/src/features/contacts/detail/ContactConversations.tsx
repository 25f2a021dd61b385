import { useCallback, useEffect, useState } from 'react';
import { Link } from '../../../app/navigation';
import { useApi } from '../../../dashboard/useApi';
import { useEvents } from '../../../dashboard/useEvents';
import type { Page } from '../../../dashboard/usePagedList';
import { asApiError } from '../../../dashboard/useResource';
import { formatDateTime } from '../../../ui/formatDate';

type Conversation = { id: string; contactId: string; status: 'open' | 'pending' | 'resolved'; labels: string[]; windowExpiresAt: string | null; lastMessageAt: string | null; createdAt: string };

type State = { status: 'loading' } | { status: 'ready'; conversations: Conversation[]; complete: boolean } | { status: 'failed'; message: string; forbidden: boolean };

// One customer rarely has more than a handful of conversations (one per channel); a page of 200 is all of them.
const LIMIT = '200';

function useContactConversations(contactId: string): [State, () => void] {
  const api = useApi();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    (async () => {
      const query = new URLSearchParams({ contactId, limit: LIMIT }).toString();
      const result = await api<Page<Conversation>>(`/conversations?${query}`);
      if (current) setState({ status: 'ready', conversations: result.data, complete: result.nextCursor === null });
    })().catch((error: unknown) => {
      const failure = asApiError(error);
      if (current) setState({ status: 'failed', message: failure.message, forbidden: failure.status === 403 });
    });
    return () => {
      current = false;
    };
  }, [api, contactId, version]);
  return [state, useCallback(() => setVersion((v) => v + 1), [])];
}

export function ContactConversations({ contactId }: { contactId: string }) {
  const [state, reload] = useContactConversations(contactId);
  // A message to or from this contact (perhaps opening a new conversation), or a change to one listed.
  useEvents(['message.created', 'conversation.updated'], ({ type, data }) => {
    const listed = state.status === 'ready' && state.conversations.some((c) => c.id === data.conversationId);
    if (type === 'message.created' ? data.contactId === contactId : listed) reload();
  });
  return (
    <section aria-labelledby="contact-conversations-title">
      <h2 id="contact-conversations-title">Conversations</h2>
      {state.status === 'loading' && <p role="status">Loading the conversations…</p>}
      {state.status === 'failed' && (
        state.forbidden ? <p>Your role does not include the inbox, so this contact’s conversations are not shown.</p> : (
          <div className="form-alert" role="alert">
            <p>Could not load the conversations: {state.message}</p>
            <button type="button" className="button" onClick={reload}>Try again</button>
          </div>
        )
      )}
      {state.status === 'ready' && (
        <>
          {state.conversations.length === 0 ? <p>No conversation with this contact.</p> : (
            <ul className="item-list conversation-list">
              {state.conversations.map((c) => (
                <li key={c.id} className="card item">
                  <h3><Link to={`/app/inbox/${encodeURIComponent(c.id)}`}>Conversation started {formatDateTime(c.createdAt)}</Link></h3>
                  <dl className="details">
                    <dt>Status</dt><dd>{c.status}</dd>
                    <dt>Last message</dt><dd>{c.lastMessageAt ? formatDateTime(c.lastMessageAt) : '—'}</dd>
                    <dt>Reply window</dt><dd>{windowText(c.windowExpiresAt)}</dd>
                    {c.labels.length > 0 && <><dt>Labels</dt><dd><bdi>{c.labels.join(', ')}</bdi></dd></>}
                  </dl>
                </li>
              ))}
            </ul>
          )}
          {!state.complete && <p>Only the {LIMIT} most recent conversations are shown. <Link to="/app/inbox">Open the inbox</Link> to see older ones.</p>}
        </>
      )}
    </section>
  );
}

function windowText(expiresAt: string | null): string {
  if (!expiresAt) return 'Closed: only templates can be sent';
  return new Date(expiresAt).getTime() > Date.now() ? `Open until ${formatDateTime(expiresAt)}` : 'Closed: only templates can be sent';
}
