export { createEventHub, type EventHub } from './event-hub';
export { createVisibilityRegistry, type VisibilityRegistry } from './event-visibility';
export { registerEventStreamRoutes } from './event-stream.routes';
