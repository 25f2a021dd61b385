import { withTenant, type TenantTx } from '../../../platform/db';
import type { Actor } from '../../privacy';
import type { ConversationScope } from '../../inbox';
import type { MessagesDeps } from '../deps';
import { messageErrors } from '../errors';
import { findMessagesById, listMessages, messageIdsWithAllTokens, type MessageFilter } from '../message.repository';
import { toMessageViews, type MessageView } from './message-view';

/** One audit entry per request that reads message content (not one per message). */
async function audited<T extends MessageView[]>(deps: MessagesDeps, workspaceId: string, actor: Actor, action: string, read: (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) => Promise<T>, details: Record<string, unknown> = {}): Promise<T> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const views = await read(tx);
    if (views.length) await deps.audit.record(tx, workspaceId, actor, { action, details: { ...details, count: views.length } });
    return views;
  });
}

export async function getMessage(deps: MessagesDeps, workspaceId: string, actor: Actor, id: string, scope: ConversationScope = null): Promise<MessageView> {
  const read = async (tx: TenantTx) => (scope ? listMessages(tx, workspaceId, { ids: [id], assigneeId: scope.assigneeId, limit: 1 }) : findMessagesById(tx, workspaceId, [id]));
  const [view] = await audited(deps, workspaceId, actor, 'message.read', async (tx) => toMessageViews(deps, tx, workspaceId, await read(tx), true), { messageId: id });
  if (!view) throw messageErrors.messageNotFound();
  return view;
}

export async function listMessagesFor(deps: MessagesDeps, workspaceId: string, actor: Actor, filter: MessageFilter): Promise<{ views: MessageView[]; more: boolean }> {
  let more = false;
  const views = await audited(deps, workspaceId, actor, 'messages.list', async (tx) => {
    const rows = await listMessages(tx, workspaceId, { ...filter, limit: filter.limit + 1 });
    more = rows.length > filter.limit;
    return toMessageViews(deps, tx, workspaceId, rows.slice(0, filter.limit), true);
  }, { conversationId: filter.conversationId ?? null, contactId: filter.contactId ?? null });
  return { views, more };
}

/** Every word must match (blind tokens), newest first. */
export async function searchMessages(deps: MessagesDeps, workspaceId: string, actor: Actor, q: string, limit: number, scope: ConversationScope = null): Promise<MessageView[]> {
  return audited(deps, workspaceId, actor, 'messages.search', async (tx) => {
    const tokens = await deps.keyring.blindSearchTokens(tx, workspaceId, q);
    if (!tokens.length) return [];
    const ids = await messageIdsWithAllTokens(tx, workspaceId, tokens, limit);
    return toMessageViews(deps, tx, workspaceId, await listMessages(tx, workspaceId, { ids, limit, ...(scope ? { assigneeId: scope.assigneeId } : {}) }), true);
  });
}
