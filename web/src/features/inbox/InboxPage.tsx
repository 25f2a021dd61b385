import { useState } from 'react';
import { usePathname } from '../../app/navigation';
import { usePageTitle } from '../../app/usePageTitle';
import { ConversationFilters, type Filters } from './ConversationFilters';
import { ConversationList } from './ConversationList';
import { Thread } from './Thread';
import { useOptionalList } from './useOptionalList';
import type { Label } from './types';
import './inbox.css';

// /app/inbox and /app/inbox/<conversationId>: the filters in one row above the list and the open thread,
// side by side and as tall as the screen on a wide one, one at a time on a phone (the thread has its own
// way back to the list).
export function InboxPage() {
  usePageTitle('Inbox');
  const selectedId = usePathname().split('/')[3] || null;
  const [filters, setFilters] = useState<Filters>({ assignee: 'all', status: 'open', label: '', q: '' });
  const [labels] = useOptionalList<Label>('/labels');
  return (
    <div className={selectedId ? 'inbox inbox-thread-open' : 'inbox'}>
      <div className="inbox-top">
        <h1 id="inbox-title">Inbox</h1>
        <ConversationFilters filters={filters} labels={labels} onChange={setFilters} />
      </div>
      <ConversationList filters={filters} onFilters={setFilters} selectedId={selectedId} />
      {selectedId ? (
        <Thread key={selectedId} conversationId={selectedId} labels={labels} />
      ) : (
        <p className="inbox-placeholder">Choose a conversation to read and reply.</p>
      )}
    </div>
  );
}
