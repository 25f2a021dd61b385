import { useEffect, useRef } from 'react';

export type EventHandler = (type: string, data: Record<string, unknown>) => void;

// One EventSource for the whole dashboard, opened by the first subscriber and closed with the last:
// every page listens to the same stream rather than each opening its own connection. The browser
// reconnects by itself and sends Last-Event-ID, so the server replays what was missed meanwhile.
let source: EventSource | null = null;
const handlers = new Map<string, Set<EventHandler>>();
const listeners = new Map<string, (event: MessageEvent<string>) => void>();

function parse(data: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function add(type: string, handler: EventHandler): void {
  source ??= new EventSource('/api/v1/events', { withCredentials: true });
  let set = handlers.get(type);
  if (!set) {
    set = new Set();
    handlers.set(type, set);
    const listener = (event: MessageEvent<string>) => {
      const data = parse(event.data);
      handlers.get(type)?.forEach((h) => h(type, data));
    };
    listeners.set(type, listener);
    source.addEventListener(type, listener);
  }
  set.add(handler);
}

function remove(type: string, handler: EventHandler): void {
  const set = handlers.get(type);
  set?.delete(handler);
  if (set && set.size === 0) {
    handlers.delete(type);
    const listener = listeners.get(type);
    if (listener) source?.removeEventListener(type, listener);
    listeners.delete(type);
  }
  if (handlers.size === 0) {
    source?.close();
    source = null;
  }
}

/**
 * Calls `handler(type, data)` for every server-sent event named in `eventNames` while the component is
 * mounted. Events carry ids only: the handler refetches what changed. The handler may change between
 * renders without resubscribing.
 */
export function useEvents(eventNames: readonly string[], handler: EventHandler): void {
  const latest = useRef(handler);
  latest.current = handler;
  const key = eventNames.join(',');
  useEffect(() => {
    const names = key.split(',').filter(Boolean);
    const forward: EventHandler = (type, data) => latest.current(type, data);
    names.forEach((name) => add(name, forward));
    return () => names.forEach((name) => remove(name, forward));
  }, [key]);
}
