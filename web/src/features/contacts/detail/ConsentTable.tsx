import { formatDateTime } from '../../../ui/formatDate';
import type { ConsentEntry } from '../contact';

const SOURCES: Record<string, string> = {
  api: 'Recorded by your team or the API',
  keyword: 'Customer keyword (STOP / START)',
  meta_user_preferences: 'WhatsApp marketing preference',
  import: 'CSV import',
};

// Newest first; the ledger's sequence number and the start of each entry's hash show it is a chain.
export function ConsentTable({ entries }: { entries: ConsentEntry[] }) {
  const newestFirst = [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <div className="table-scroll" role="region" aria-labelledby="consent-history-title" tabIndex={0}>
      <table className="table consent-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Purpose</th>
            <th scope="col">Change</th>
            <th scope="col">Source</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((entry) => (
            <tr key={`${entry.purpose}-${entry.seq}`}>
              <td>{entry.seq}</td>
              <td>{formatDateTime(entry.at)}</td>
              <td>{entry.purpose}</td>
              <td className={entry.granted ? 'consent-granted' : 'consent-withdrawn'}>{entry.granted ? 'Granted' : 'Withdrawn'}</td>
              <td>{SOURCES[entry.source] ?? entry.source}</td>
              <td>{details(entry)} <code className="id" title="Hash of this ledger entry">{entry.hash.slice(0, 12)}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// What the team typed is kept in the reference of entries recorded through the API ("api:<note>:<ms>").
function details(entry: ConsentEntry) {
  if (!entry.reference) return '—';
  const note = /^api:(.*):\d+$/.exec(entry.reference)?.[1];
  return note !== undefined ? <bdi>{note}</bdi> : <code>{entry.reference}</code>;
}
