import type { StoredEvent } from '../../platform/events';

/** The event names of the contract that a client may subscribe to. */
export const externalEventTypes = ['message.received', 'message.status', 'conversation.updated', 'contact.opted_out', 'contact.opted_in', 'campaign.completed', 'template.status'] as const;
export type ExternalEventType = (typeof externalEventTypes)[number];

/** Internal domain event → the external name, or null when clients are not told about it. */
export function externalTypeOf(event: StoredEvent): ExternalEventType | null {
  switch (event.type) {
    case 'message.created':
      return (event.data as { direction?: string }).direction === 'inbound' ? 'message.received' : null;
    case 'message.status':
    case 'conversation.updated':
    case 'contact.opted_out':
    case 'contact.opted_in':
    case 'campaign.completed':
    case 'template.status':
      return event.type;
    default:
      return null;
  }
}
