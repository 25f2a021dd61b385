export { isPublicAddress } from './address-policy';
export { checkOutboundUrl, parseOutboundUrl, resolvePublicAddresses, urlNotAllowed, type OutboundPolicy } from './outbound-url';
export { ADDRESS_REFUSED, createGuardedAgent, type GuardedAgentOptions } from './guarded-agent';
