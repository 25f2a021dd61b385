export { createEventHub, type EventHub } from './event-hub';
export { createVisibilityRegistry, type EventVisibilityFilter, type VisibilityRegistry } from './event-visibility';
export { registerEventStreamRoutes, type EventStreamDeps } from './event-stream.routes';
