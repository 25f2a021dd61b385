import { useEffect, useRef } from 'react';

// The workspace's server-sent events (GET /api/v1/events). Events carry ids only: a handler refetches
// what changed. One EventSource serves every subscriber of the page; it opens with the first
// subscription and closes with the last. EventSource reconnects by itself and resumes with
// Last-Event-ID, so nothing is missed across a dropped connection.
export type LiveEvent = { type: string; data: Record<string, unknown> };
type Handler = (event: LiveEvent) => void;

const handlers = new Map<string, Set<Handler>>();
let source: EventSource | null = null;

function dispatch(type: string, message: MessageEvent<string>): void {
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(message.data) as Record<string, unknown>;
  } catch {
    // A frame we cannot read is skipped; the next refetch catches up anyway.
  }
  handlers.get(type)?.forEach((handler) => handler({ type, data }));
}

function listen(type: string): void {
  source?.addEventListener(type, (message) => dispatch(type, message as MessageEvent<string>));
}

function open(): void {
  source = new EventSource('/api/v1/events', { withCredentials: true });
  for (const type of handlers.keys()) listen(type);
}

/** Calls `handler` for each named event until the returned function is called. */
export function subscribe(eventNames: readonly string[], handler: Handler): () => void {
  for (const name of eventNames) {
    let set = handlers.get(name);
    if (!set) {
      set = new Set();
      handlers.set(name, set);
      listen(name);
    }
    set.add(handler);
  }
  if (!source) open();
  return () => {
    for (const name of eventNames) handlers.get(name)?.delete(handler);
    const active = [...handlers.values()].some((set) => set.size > 0);
    if (!active && source) {
      source.close();
      source = null;
      handlers.clear();
    }
  };
}

/** subscribe() for a component's lifetime; the latest handler is always the one called. */
export function useEvents(eventNames: readonly string[], handler: Handler): void {
  const latest = useRef(handler);
  latest.current = handler;
  const key = eventNames.join(',');
  useEffect(() => subscribe(key.split(','), (event) => latest.current(event)), [key]);
}
