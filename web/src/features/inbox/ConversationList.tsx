import { useState } from 'react';
import { useEvents } from '../../dashboard/useEvents';
import { useResource } from '../../dashboard/useResource';
import { ResourceState } from '../../ui/ResourceState';
import type { Filters } from './ConversationFilters';
import { SearchResults } from './SearchResults';
import { ConversationItems } from './ConversationItems';
import type { Conversation, List } from './types';

type Props = { filters: Filters; onFilters: (filters: Filters) => void; selectedId: string | null };

function queryOf(filters: Filters): string {
  const params = new URLSearchParams({ limit: '100' });
  if (filters.status) params.set('status', filters.status);
  if (filters.assignee !== 'all') params.set('assignee', filters.assignee);
  if (filters.label) params.set('label', filters.label);
  return `/conversations?${params.toString()}`;
}


export function ConversationList({ filters, onFilters, selectedId }: Props) {
  // Kept current by the live events (dashboard/liveInvalidation.ts); a new customer message is also announced.
  const [list, reload] = useResource<List<Conversation>>(queryOf(filters));
  const [announcement, setAnnouncement] = useState('');
  useEvents(['message.created'], (event) => {
    if (event.data.direction === 'inbound') setAnnouncement(`New customer message at ${new Date().toLocaleTimeString()}`);
  });

  return (
    <section className="inbox-list" aria-labelledby="inbox-title">
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
