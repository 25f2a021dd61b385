import { useEffect, useState } from 'react';
import { useApi } from '../../../dashboard/useApi';
import { asApiError } from '../../../dashboard/useResource';
import { DataTable, type Column } from '../../../ui/DataTable';
import type { Delivery, DeliveryList } from './webhook';

const REFRESH_MS = 3000;
// Retries are seconds apart at first: the log shows times to the second.
const formatTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const STATUS = { pending: 'Retrying', succeeded: 'Delivered', failed: 'Failed' } as const;

const COLUMNS: Column<Delivery>[] = [
  { header: 'Event', cell: (d) => <><code>{d.type}</code><br /><span className="id">{formatTime(d.createdAt)}</span></> },
  { header: 'Status', cell: (d) => <span className={`badge delivery-${d.status}`}>{STATUS[d.status]}</span> },
  { header: 'Attempts', cell: (d) => d.attempts },
  { header: 'Response', cell: (d) => <LastResponse delivery={d} /> },
  { header: 'Last attempt', cell: (d) => (d.lastAttemptAt ? formatTime(d.lastAttemptAt) : '—') },
  { header: 'Next attempt', cell: (d) => (d.nextAttemptAt ? formatTime(d.nextAttemptAt) : '—') },
];

// One subscription's delivery log, newest first, refreshed every few seconds while it is open (deliveries
// have no server-sent event); older pages load on demand.
export function DeliveryLog({ subscriptionId }: { subscriptionId: string }) {
  const api = useApi();
  const base = `/webhook-subscriptions/${encodeURIComponent(subscriptionId)}/deliveries?limit=25`;
  const [head, setHead] = useState<DeliveryList | null>(null);
  const [older, setOlder] = useState<Delivery[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = () => api<DeliveryList>(base).then(
      (page) => live && (setHead(page), setError(null)),
      (failure: unknown) => live && setError(asApiError(failure).message),
    );
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [api, base]);

  const more = async () => {
    const from = cursor ?? head?.nextCursor;
    if (!from) return;
    try {
      const page = await api<DeliveryList>(`${base}&cursor=${encodeURIComponent(from)}`);
      setOlder((list) => [...list, ...page.data]);
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(asApiError(failure).message);
    }
  };

  if (!head) return error ? <p className="inline-error" role="alert">Could not load the deliveries: {error}</p> : <p role="status">Loading the deliveries…</p>;
  const seen = new Set(head.data.map((d) => d.id));
  const rows = [...head.data, ...older.filter((d) => !seen.has(d.id))];
  const hasMore = older.length ? cursor !== null : head.nextCursor !== null;
  return (
    <div className="delivery-log">
      {error && <p className="inline-error" role="alert">Could not refresh: {error}</p>}
      <DataTable
        rows={rows}
        columns={COLUMNS}
        rowKey={(d) => d.id}
        label="Deliveries, scrollable"
        caption="Deliveries, newest first"
        empty={<p>No deliveries yet. They appear here as events happen.</p>}
      />
      {hasMore && <button type="button" className="button" onClick={() => void more()}>Load older deliveries</button>}
    </div>
  );
}

// The status code, the error when it says more than the code, and how long the receiver took.
function LastResponse({ delivery: d }: { delivery: Delivery }) {
  return (
    <>
      {d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : '—'}
      {d.lastError && d.lastError !== `HTTP ${d.lastStatusCode}` && <><br /><span className="muted">{d.lastError}</span></>}
      {d.lastDurationMs !== null && <><br /><span className="muted">{d.lastDurationMs} ms</span></>}
    </>
  );
}
