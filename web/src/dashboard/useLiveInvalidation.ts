import { useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isUnder } from '../app/queryClient';
import { INVALIDATED_BY, LIVE_EVENT_NAMES } from './liveInvalidation';
import { useCoalesced } from './useCoalesced';
import { useEvents } from './useEvents';

// Mounted once by the dashboard: every live event marks what it changed stale. A burst of events (a batch
// of inbound messages, a campaign's statuses by the hundred) becomes one refetch per stale query, at
// most every 750 ms.
export function useLiveInvalidation(): void {
  const queryClient = useQueryClient();
  const pending = useRef(new Set<string>());
  const flush = useCoalesced(() => {
    const prefixes = [...pending.current];
    pending.current.clear();
    void queryClient.invalidateQueries({ predicate: ({ queryKey }) => prefixes.some((prefix) => isUnder(queryKey, prefix)) });
  }, { delayMs: 150, minIntervalMs: 750 });
  useEvents(LIVE_EVENT_NAMES, ({ type, data }) => {
    INVALIDATED_BY[type]?.(data).forEach((prefix) => pending.current.add(prefix));
    flush();
  });
}
