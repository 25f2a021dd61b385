export { type OutboundDeps } from './deps';
export { registerOutboundRoutes } from './outbound.routes';
export { startSender, type Sender } from './sender';
