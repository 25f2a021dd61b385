export { checkOutboundUrl, parseOutboundUrl, urlNotAllowed, type OutboundPolicy } from './outbound-url';
export { ADDRESS_REFUSED, createGuardedAgent } from './guarded-agent';
