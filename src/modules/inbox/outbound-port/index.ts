/**
 * What the outbound module needs of the inbox's tables: open a conversation for a send, store an
 * outbound message (queued, content sealed), record a send's outcome on the status ladder, check
 * the message a send replies to and the media it names, store uploaded media and read media for
 * Meta, and count a campaign's replies and billed messages.
 */
export { openConversationForSend, openConversationsForSend, type SendConversation } from './open-conversation';
export { insertOutboundMessages, type NewOutboundMessage } from './insert-outbound-message';
export { recordSendOutcomes, outboundStatuses, statusCounts, type SendOutcome } from './record-send-outcome';
export { billedCounts, repliedCount } from './funnel-counts';
export { findReplyTarget, findWorkspaceMedia } from './reply-and-media';
export { readMediaForSend, storeUploadedMedia, type MediaForSend } from './uploaded-media';
export { analyzeMessageTables } from '../message.repository';
