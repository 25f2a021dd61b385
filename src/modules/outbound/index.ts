export { type OutboundDeps } from './deps';
export { registerOutboundRoutes } from './outbound.routes';
export { startSender, type Sender } from './sender';
export { queueTemplateSends, type BatchSend } from './queue-sends';
export { pendingOfCampaign } from './outbound.repository';
export { checkTemplate } from './check-template';
