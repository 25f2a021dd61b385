import type { AnyDb } from '../../platform/db';
import { withTenant } from '../../platform/db';
import { committedEventsAfter, feedHead, type FeedEvent, type FeedPosition } from '../../platform/events';
import type { Logger } from '../../platform/logging';

export type EventListener = (event: FeedEvent) => void;

export interface EventSubscription {
  /** Every event after this position reaches the listener; nothing at or before it does. */
  position: FeedPosition;
  unsubscribe(): void;
}

export interface EventHub {
  subscribe(workspaceId: string, listener: EventListener): Promise<EventSubscription>;
  /** How many workspaces are being polled (tests, metrics). */
  activePollers(): number;
}

interface Poller {
  position: FeedPosition;
  listeners: Set<EventListener>;
  timer: NodeJS.Timeout | undefined;
  ready: Promise<void>;
}

/**
 * Cross-process event delivery by polling the events outbox: one poller per workspace, shared by all
 * of its connections in this process, polling every `pollMs` while anyone listens. Whatever process
 * wrote an event (api or worker), every api process sees it; nothing is held only in memory.
 */
export function createEventHub(deps: { db: AnyDb; logger: Logger; pollMs?: number }): EventHub {
  const pollMs = deps.pollMs ?? 250;
  const pollers = new Map<string, Poller>();

  async function tick(workspaceId: string, poller: Poller): Promise<void> {
    try {
      for (;;) {
        const events = await withTenant(deps.db, workspaceId, (tx) => committedEventsAfter(tx, workspaceId, poller.position, 500));
        for (const event of events) {
          poller.position = event.position;
          for (const listener of poller.listeners) listener(event);
        }
        if (events.length < 500) break;
      }
    } catch (error) {
      deps.logger.warn({ err: error, workspaceId }, 'event poller tick failed; retrying');
    }
    if (poller.listeners.size === 0) {
      pollers.delete(workspaceId);
      return;
    }
    poller.timer = setTimeout(() => void tick(workspaceId, poller), pollMs);
  }

  return {
    async subscribe(workspaceId, listener) {
      let poller = pollers.get(workspaceId);
      if (!poller) {
        const created: Poller = { position: { txId: '0', id: 0 }, listeners: new Set(), timer: undefined, ready: Promise.resolve() };
        created.ready = withTenant(deps.db, workspaceId, (tx) => feedHead(tx)).then((head) => {
          created.position = head;
          created.timer = setTimeout(() => void tick(workspaceId, created), pollMs);
        });
        pollers.set(workspaceId, created);
        poller = created;
      }
      const current = poller;
      try {
        await current.ready;
      } catch (error) {
        if (pollers.get(workspaceId) === current) pollers.delete(workspaceId);
        throw error;
      }
      // The poller stopped (its last listener left) while we waited: start a fresh one.
      if (pollers.get(workspaceId) !== current) return this.subscribe(workspaceId, listener);
      // Synchronous from here: no tick can run between reading the position and adding the listener.
      current.listeners.add(listener);
      return {
        position: current.position,
        unsubscribe: () => void current.listeners.delete(listener),
      };
    },
    activePollers: () => pollers.size,
  };
}
