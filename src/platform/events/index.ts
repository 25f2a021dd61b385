export { publishEvent, publishEvents } from './event-store';
export { feedHead, committedEventsAfter, committedEventsBetween, findEvent, type FeedPosition, type FeedEvent } from './event-feed';
export type { EventDataByType, EventType, StoredEvent } from './event-types';
