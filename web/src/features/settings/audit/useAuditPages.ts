import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../../dashboard/useApi';
import type { AuditEvent, AuditPage } from './auditEvent';

const PAGE_SIZE = 50;

// The log can be long: pages of PAGE_SIZE, newest first, appended with "Load older events".
export function useAuditPages() {
  const api = useApi();
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [status, setStatus] = useState<'loading' | 'idle'>('loading');
  const [error, setError] = useState<string | null>(null);
  // undefined: the first page is still to load; null: no older page.
  const cursor = useRef<string | null | undefined>(undefined);

  const load = useCallback(async () => {
    if (cursor.current === null) return;
    setStatus('loading');
    setError(null);
    try {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (cursor.current) query.set('cursor', cursor.current);
      const page = await api<AuditPage>(`/audit-events?${query}`);
      cursor.current = page.nextCursor;
      setEvents((current) => [...current, ...page.data]);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Something went wrong.');
    } finally {
      setStatus('idle');
    }
  }, [api]);

  const started = useRef(false);
  useEffect(() => {
    // Development's StrictMode runs effects twice; the first page must be fetched (and appended) once.
    if (started.current) return;
    started.current = true;
    void load();
  }, [load]);

  return { events, status, error, hasMore: cursor.current !== null || error !== null, loadMore: () => void load() };
}
