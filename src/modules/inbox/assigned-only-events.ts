import { withTenant } from '../../platform/db';
import type { FeedEvent } from '../../platform/events';
import type { Principal } from '../auth';
import { conversationScope } from './conversation-scope';
import { assignedConversationIds } from './conversation.repository';
import type { InboxDeps } from './deps';

/**
 * The event-stream filter of agentsSeeOnlyAssigned: a restricted agent's stream carries message
 * events of their assigned conversations only. The assigned set is loaded at connect and reloaded
 * on every conversation.updated (which is how an assignment shows up); conversation.updated itself
 * passes, as it carries an id only and reading that conversation still answers 404.
 */
export function assignedOnlyEventFilter(deps: InboxDeps) {
  return async (principal: Principal): Promise<(event: FeedEvent) => boolean> => {
    const scope = await conversationScope(deps, principal);
    if (!scope) return () => true;
    const { workspaceId } = principal;
    const load = () => withTenant(deps.db, workspaceId, (tx) => assignedConversationIds(tx, workspaceId, scope.assigneeId));
    let assigned = new Set(await load());
    let reloading = false;
    const reload = () => {
      if (reloading) return;
      reloading = true;
      void load()
        .then((ids) => (assigned = new Set(ids)))
        .catch(() => undefined)
        .finally(() => (reloading = false));
    };
    return (event) => {
      const conversationId = (event.data as { conversationId?: unknown }).conversationId;
      if (typeof conversationId !== 'string') return true;
      if (event.type === 'conversation.updated') {
        reload();
        return true;
      }
      return assigned.has(conversationId);
    };
  };
}
