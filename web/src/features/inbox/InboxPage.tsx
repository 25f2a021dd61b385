import { useState } from 'react';
import { usePathname } from '../../app/router';
import { usePageTitle } from '../../app/usePageTitle';
import type { Filters } from './ConversationFilters';
import { ConversationList } from './ConversationList';
import { Thread } from './Thread';
import { useOptionalList } from './useOptionalList';
import type { Label } from './types';
import './inbox.css';

// /app/inbox and /app/inbox/<conversationId>: the list and the open thread side by side on a wide
// screen, one at a time on a phone (the thread has its own way back to the list).
export function InboxPage() {
  usePageTitle('Inbox');
  const selectedId = usePathname().split('/')[3] || null;
  const [filters, setFilters] = useState<Filters>({ assignee: 'all', status: 'open', label: '', q: '' });
  const [labels] = useOptionalList<Label>('/labels');
  return (
    <div className={selectedId ? 'inbox inbox-thread-open' : 'inbox'}>
      <ConversationList filters={filters} onFilters={setFilters} labels={labels} selectedId={selectedId} />
      {selectedId ? (
        <Thread key={selectedId} conversationId={selectedId} labels={labels} />
      ) : (
        <p className="inbox-placeholder">Choose a conversation to read and reply.</p>
      )}
    </div>
  );
}
