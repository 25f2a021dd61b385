import { useEffect, useState } from 'react';
import { useApi } from '../../../dashboard/useApi';
import { asApiError } from '../../../dashboard/useResource';
import type { Delivery, DeliveryList } from './webhook';

const REFRESH_MS = 3000;
// Retries are seconds apart at first: the log shows times to the second.
const formatTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const STATUS = { pending: 'Retrying', succeeded: 'Delivered', failed: 'Failed' } as const;

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
      {rows.length === 0 ? <p>No deliveries yet. They appear here as events happen.</p> : (
        <div className="table-scroll" role="region" aria-label="Deliveries, scrollable" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Response</th>
                <th scope="col">Last attempt</th>
                <th scope="col">Next attempt</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td><code>{d.type}</code><br /><span className="id">{formatTime(d.createdAt)}</span></td>
                  <td><span className={`badge delivery-${d.status}`}>{STATUS[d.status]}</span></td>
                  <td>{d.attempts}</td>
                  <td>{d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : '—'}{d.lastError && d.lastError !== `HTTP ${d.lastStatusCode}` && <><br /><span className="muted">{d.lastError}</span></>}{d.lastDurationMs !== null && <><br /><span className="muted">{d.lastDurationMs} ms</span></>}</td>
                  <td>{d.lastAttemptAt ? formatTime(d.lastAttemptAt) : '—'}</td>
                  <td>{d.nextAttemptAt ? formatTime(d.nextAttemptAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && <button type="button" className="button" onClick={() => void more()}>Load older deliveries</button>}
    </div>
  );
}
