import { useCallback, useEffect, useRef } from 'react';

type Pace = {
  /** How long the first call of a burst waits for the others to ride along. */
  delayMs?: number;
  /** The least time between two runs, for streams that never pause (a campaign's statuses by the hundred). */
  minIntervalMs?: number;
};

// A burst of live events (a batch of inbound messages, a campaign's statuses) becomes one refetch: the
// first call starts a timer and the calls before it fires ride along. Events carry ids only, so one
// refetch after the burst shows all of it.
export function useCoalesced(fn: () => void, { delayMs = 300, minIntervalMs = 0 }: Pace = {}): () => void {
  const timer = useRef<number | undefined>(undefined);
  const last = useRef(0);
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current !== undefined) return;
    const wait = Math.max(delayMs, last.current + minIntervalMs - Date.now());
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      last.current = Date.now();
      latest.current();
    }, wait);
  }, [delayMs, minIntervalMs]);
}
