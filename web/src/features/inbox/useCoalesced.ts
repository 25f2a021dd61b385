import { useCallback, useEffect, useRef } from 'react';

// A burst of events (a campaign's statuses, a batch of inbound messages) becomes one refetch:
// the first call starts a short timer and the calls during it ride along.
export function useCoalesced(fn: () => void, delayMs = 300): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, delayMs);
  }, [delayMs]);
}
