import { withTenant } from '../../../platform/db';
import { enqueue, jobCatalog } from '../../../platform/jobs';
import type { Principal } from '../../auth';
import { assertVisible, scopeFor } from '../../inbox';
import { latestInboundOf } from './read-receipt-target';
import type { MessagesDeps } from '../deps';
import { sendErrors } from '../errors';
import { insertReadReceipt } from './read-receipt.repository';

/**
 * An agent opened a conversation: with markReadOnOpen on, Meta's read receipt for its newest
 * inbound message is queued as a job (ids only), at most once per message. `markedRead` says
 * whether that message is (now or already) marked read.
 */
export async function markConversationRead(deps: MessagesDeps, reader: Principal, conversationId: string): Promise<{ markedRead: boolean }> {
  const { workspaceId } = reader;
  return withTenant(deps.db, workspaceId, async (tx) => {
    const settings = await deps.readSettings(tx, workspaceId);
    const target = await latestInboundOf(tx, workspaceId, conversationId);
    if (!target) throw sendErrors.conversationNotFound();
    assertVisible(scopeFor(reader, settings.agentsSeeOnlyAssigned), target.assigneeId);
    const message = target.latestInbound;
    if (!settings.markReadOnOpen || !message) return { markedRead: false };
    if (await insertReadReceipt(tx, workspaceId, message.id, deps.clock.now())) {
      await enqueue(tx, jobCatalog.markRead, { workspaceId, messageId: message.id }, { workspaceId, singletonKey: `mark-read:${workspaceId}:${message.id}` });
    }
    return { markedRead: true };
  });
}
