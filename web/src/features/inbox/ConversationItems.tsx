import { Link } from '../../app/navigation';
import { formatDateTime } from '../../ui/formatDate';
import { contactLabel, useContacts } from './useContacts';
import type { Conversation } from './types';

// A list of conversations as links: the customer's name, status, last activity and labels.
export function ConversationItems({ conversations, selectedId, label }: { conversations: Conversation[]; selectedId?: string | null; label: string }) {
  const contacts = useContacts(conversations.map((c) => c.contactId));
  return (
    <ul className="inbox-conversations" aria-label={label}>
      {conversations.map((c) => (
        <li key={c.id}>
          <Link to={`/app/inbox/${c.id}`} aria-current={c.id === selectedId ? 'page' : undefined} className="inbox-conversation">
            <span className="inbox-conversation-name">{contactLabel(contacts.get(c.contactId))}</span>
            <span className="inbox-conversation-meta">
              <span className={`inbox-status inbox-status-${c.status}`}>{c.status}</span>
              {c.lastMessageAt && <time dateTime={c.lastMessageAt}>{formatDateTime(c.lastMessageAt)}</time>}
            </span>
            {c.labels.length > 0 && <span className="inbox-conversation-labels">{c.labels.join(', ')}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
