import { useState } from 'react';
import { useCoalesced } from '../../dashboard/useCoalesced';
import { useEvents } from '../../dashboard/useEvents';
import { useResource } from '../../dashboard/useResource';
import { ResourceState } from '../../ui/ResourceState';
import { ConversationFilters, type Filters } from './ConversationFilters';
import { SearchResults } from './SearchResults';
import { ConversationItems } from './ConversationItems';
import type { Conversation, Label, List } from './types';

type Props = { filters: Filters; onFilters: (filters: Filters) => void; labels: Label[]; selectedId: string | null };

function queryOf(filters: Filters): string {
  const params = new URLSearchParams({ limit: '100' });
  if (filters.status) params.set('status', filters.status);
  if (filters.assignee !== 'all') params.set('assignee', filters.assignee);
  if (filters.label) params.set('label', filters.label);
  return `/conversations?${params.toString()}`;
}

const LIVE = ['message.created', 'conversation.updated'] as const;

export function ConversationList({ filters, onFilters, labels, selectedId }: Props) {
  const [list, reload] = useResource<List<Conversation>>(queryOf(filters));
  const [announcement, setAnnouncement] = useState('');
  const refresh = useCoalesced(reload);
  useEvents(LIVE, (event) => {
    refresh();
    if (event.type === 'message.created' && event.data.direction === 'inbound') setAnnouncement(`New customer message at ${new Date().toLocaleTimeString()}`);
  });

  return (
    <section className="inbox-list" aria-labelledby="inbox-title">
      <h1 id="inbox-title">Inbox</h1>
      <ConversationFilters filters={filters} labels={labels} onChange={onFilters} />
      <p className="visually-hidden" role="status" aria-live="polite">{announcement}</p>
      {filters.q ? (
        <SearchResults q={filters.q} onClear={() => onFilters({ ...filters, q: '' })} />
      ) : (
        <ResourceState resource={list} what="the conversations" onRetry={reload}>
          {({ data }) => data.length === 0 ? <p>No conversations match these filters.</p> : (
            <ConversationItems conversations={data} selectedId={selectedId} label="Conversations" />
          )}
        </ResourceState>
      )}
    </section>
  );
}
