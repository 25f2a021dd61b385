/**
 * What automation and mark-as-read need of the inbox: an inbound message by id (a job carries ids
 * only), a conversation's newest inbound message, who sees which conversation, the inbound hook.
 */
export { readInboundMessage, type InboundForAutomation } from './read-inbound-message';
export { latestInboundOf, readReceiptTarget, type ReadTarget } from './read-receipt-target';
export { scopeFor, assertVisible, type ConversationScope, type AssignedOnlyPolicy } from '../conversation-scope';
export type { InboundMessageRef, InboundMessagesHook } from '../inbound-hook';
export { assignedOnlyEventFilter } from '../assigned-only-events';
