import type { TenantTx } from '../../platform/db';
import type { StoredEvent } from '../../platform/events';
import type { ExternalEventType } from './event-mapping';

/**
 * Builds a delivery's `data` from its event, inside the delivering tenant transaction. The client is
 * the data controller, so a module may register an enricher that adds content (the inbox, for
 * message.received); without one, `data` is the event's ids, which is always safe. An enricher must
 * never add secrets, and runs on every attempt, so an erased contact is no longer sent.
 */
export type PayloadEnricher = (tx: TenantTx, workspaceId: string, event: StoredEvent) => Promise<Record<string, unknown>>;

const idsOnly: PayloadEnricher = async (_tx, _workspaceId, event) => {
  const { direction: _direction, ...ids } = event.data as Record<string, unknown>;
  return ids;
};

export function createEnricherRegistry() {
  const enrichers = new Map<ExternalEventType, PayloadEnricher>();
  return {
    register(type: ExternalEventType, enricher: PayloadEnricher): void {
      enrichers.set(type, enricher);
    },
    build(tx: TenantTx, workspaceId: string, type: ExternalEventType, event: StoredEvent): Promise<Record<string, unknown>> {
      return (enrichers.get(type) ?? idsOnly)(tx, workspaceId, event);
    },
  };
}

export type EnricherRegistry = ReturnType<typeof createEnricherRegistry>;
