import type { Label } from './types';

export type Filters = { assignee: 'all' | 'me' | 'none'; status: '' | 'open' | 'pending' | 'resolved'; label: string; q: string };

type Props = { filters: Filters; labels: Label[]; onChange: (filters: Filters) => void };

const ASSIGNEES = [
  { value: 'me', label: 'Mine' },
  { value: 'none', label: 'Unassigned' },
  { value: 'all', label: 'All' },
] as const;

// Who (mine / unassigned / all) as a segmented group of toggle buttons; status and label as selects;
// search over customers (name, number) and message text.
export function ConversationFilters({ filters, labels, onChange }: Props) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="inbox-filters">
      <div className="inbox-segments" role="group" aria-label="Whose conversations">
        {ASSIGNEES.map((a) => (
          <button key={a.value} type="button" className="button button-quiet" aria-pressed={filters.assignee === a.value} onClick={() => set({ assignee: a.value })}>
            {a.label}
          </button>
        ))}
      </div>
      <div className="inbox-selects">
        <label>
          Status
          <select value={filters.status} onChange={(e) => set({ status: e.target.value as Filters['status'] })}>
            <option value="">Any status</option>
            <option value="open">Open</option>
            <option value="pending">Pending</option>
            <option value="resolved">Resolved</option>
          </select>
        </label>
        <label>
          Label
          <select value={filters.label} onChange={(e) => set({ label: e.target.value })}>
            <option value="">Any label</option>
            {labels.map((l) => <option key={l.id} value={l.name}>{l.name}</option>)}
          </select>
        </label>
      </div>
      <form role="search" className="inbox-search" onSubmit={(e) => {
        e.preventDefault();
        set({ q: String(new FormData(e.currentTarget).get('q') ?? '').trim() });
      }}>
        <label htmlFor="inbox-search" className="visually-hidden">Search customers and messages</label>
        <div className="inbox-search-row">
          <input id="inbox-search" name="q" type="search" placeholder="Search customers and messages" defaultValue={filters.q} />
          <button type="submit" className="button">Search</button>
        </div>
      </form>
    </div>
  );
}
