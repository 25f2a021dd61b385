export { publishEvent, eventsAfter, latestEventId } from './event-store';
export type { EventDataByType, EventType, StoredEvent } from './event-types';
