export type { InboxDeps } from './deps';
export { MEDIA_FETCH_QUEUE } from './deps';
export { inboundSink } from './apply-inbound';
export { fetchMedia } from './fetch-media';
export { localMediaStorage, type MediaStorage } from './media-storage';
export { registerInboxRoutes } from './inbox.routes';
export * from './outbound-port';
export * from './automation-port';
