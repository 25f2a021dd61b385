import { DataTable, type Column } from '../../../ui/DataTable';
import { formatDateTime } from '../../../ui/formatDate';
import type { ConsentEntry } from '../contact';

const SOURCES: Record<string, string> = {
  api: 'Recorded by your team or the API',
  keyword: 'Customer keyword (STOP / START)',
  meta_user_preferences: 'WhatsApp marketing preference',
  import: 'CSV import',
};

const COLUMNS: Column<ConsentEntry>[] = [
  { header: '#', cell: (entry) => entry.seq },
  { header: 'When', cell: (entry) => formatDateTime(entry.at) },
  { header: 'Purpose', cell: (entry) => entry.purpose },
  { header: 'Change', cell: (entry) => (entry.granted ? 'Granted' : 'Withdrawn'), cellClassName: (entry) => (entry.granted ? 'consent-granted' : 'consent-withdrawn') },
  { header: 'Source', cell: (entry) => SOURCES[entry.source] ?? entry.source },
  { header: 'Details', cell: (entry) => <>{details(entry)} <code className="id" title="Hash of this ledger entry">{entry.hash.slice(0, 12)}</code></> },
];

// Newest first; the ledger's sequence number and the start of each entry's hash show it is a chain.
export function ConsentTable({ entries }: { entries: ConsentEntry[] }) {
  const newestFirst = [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <DataTable
      rows={newestFirst}
      columns={COLUMNS}
      rowKey={(entry) => `${entry.purpose}-${entry.seq}`}
      className="consent-table"
      labelledBy="consent-history-title"
      empty={<p>No consent recorded yet.</p>}
    />
  );
}

// What the team typed is kept in the reference of entries recorded through the API ("api:<note>:<ms>").
function details(entry: ConsentEntry) {
  if (!entry.reference) return '—';
  const note = /^api:(.*):\d+$/.exec(entry.reference)?.[1];
  return note !== undefined ? <bdi>{note}</bdi> : <code>{entry.reference}</code>;
}
