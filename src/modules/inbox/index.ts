export type { InboxDeps } from './deps';
export { registerInboxRoutes } from './inbox.routes';
export { getConversation } from './manage-conversations';
export { upsertConversations, findConversation, type ConversationTouch } from './conversation.repository';
export { conversationScope, scopeFor, assertVisible, type ConversationScope } from './conversation-scope';
export { assignedOnlyEventFilter } from './assigned-only-events';
export { conversationDataPart } from './conversation-personal-data';
