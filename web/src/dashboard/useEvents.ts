import { useEffect, useRef } from 'react';

export type ServerEvent = { type: string; data: unknown; id: string };

// The workspace's server-sent events (GET /api/v1/events): calls `handler` for each named event in
// `eventNames`. Data carries ids only, so handlers refetch what changed. EventSource reconnects by
// itself and sends Last-Event-ID, so events during a reconnect are replayed, not lost.
export function useEvents(eventNames: string[], handler: (event: ServerEvent) => void): void {
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const key = eventNames.join(' ');

  useEffect(() => {
    const names = key.split(' ').filter(Boolean);
    if (!names.length) return;
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    const listener = (event: MessageEvent<string>) => {
      let data: unknown = null;
      try {
        data = JSON.parse(event.data);
      } catch {
        // A frame that is not JSON still tells the handler that something of this type happened.
      }
      handlerRef.current({ type: event.type, data, id: event.lastEventId });
    };
    for (const name of names) source.addEventListener(name, listener);
    return () => source.close();
  }, [key]);
}
