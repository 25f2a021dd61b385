import { Link } from '../../app/navigation';
import { useResource } from '../../dashboard/useResource';
import { formatDateTime } from '../../ui/formatDate';
import { ResourceState } from '../../ui/ResourceState';
import { messageSummary } from './messageSummary';
import { ConversationItems } from './ConversationItems';
import type { Conversation, List, Message } from './types';
import { contactLabel, useContacts } from './useContacts';

// Search: customers whose name or number matches (their conversations), then messages in which every
// word matches, newest first; each hit opens its conversation.
export function SearchResults({ q, onClear }: { q: string; onClear: () => void }) {
  const [customers, reloadCustomers] = useResource<List<Conversation>>(`/conversations?${new URLSearchParams({ q, limit: '20' }).toString()}`);
  const [results, reload] = useResource<{ data: Message[] }>(`/messages/search?${new URLSearchParams({ q, limit: '50' }).toString()}`);
  const contacts = useContacts(results.status === 'ready' ? results.data.data.map((m) => m.contactId) : []);
  return (
    <div className="inbox-search-results">
      <p>
        Results for “{q}” <button type="button" className="link-button" onClick={onClear}>Clear search</button>
      </p>
      <h2 className="inbox-search-heading">Customers</h2>
      <ResourceState resource={customers} what="the matching customers" onRetry={reloadCustomers}>
        {({ data }) => data.length === 0 ? <p>No customer matches.</p> : <ConversationItems conversations={data} label="Matching customers" />}
      </ResourceState>
      <h2 className="inbox-search-heading">Messages</h2>
      <ResourceState resource={results} what="the search results" onRetry={reload}>
        {({ data }) => data.length === 0 ? <p>No message matches.</p> : (
          <ul className="inbox-conversations" aria-label="Matching messages">
            {data.map((m) => (
              <li key={m.id}>
                <Link to={`/app/inbox/${m.conversationId}`} className="inbox-conversation">
                  <span className="inbox-conversation-name">{messageSummary(m)}</span>
                  <span className="inbox-conversation-meta">
                    <span>{m.direction === 'inbound' ? `From ${contactLabel(contacts.get(m.contactId))}` : `To ${contactLabel(contacts.get(m.contactId))}`}</span>
                    <time dateTime={m.timestamp}>{formatDateTime(m.timestamp)}</time>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </ResourceState>
    </div>
  );
}
