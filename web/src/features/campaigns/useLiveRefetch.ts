import { useEffect, useRef } from 'react';
import { useEvents, type LiveEvent } from '../../dashboard/useEvents';

const MIN_INTERVAL_MS = 750;

// Calls `reload` when one of `eventNames` arrives and `relevant` says it concerns this page, at most once
// per interval: a campaign's statuses arrive by the hundred per second and the page only needs the sum.
export function useLiveRefetch(eventNames: string[], relevant: (event: LiveEvent) => boolean, reload: () => void): void {
  const last = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEvents(eventNames, (event) => {
    if (!relevant(event) || timer.current !== undefined) return;
    const wait = Math.max(0, last.current + MIN_INTERVAL_MS - Date.now());
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      last.current = Date.now();
      reloadRef.current();
    }, wait);
  });
}
