import { metaId } from '../../channels';
import type { TenantTx } from '../../../platform/db';
import { publishEvent } from '../../../platform/events';
import type { ResolvedContact } from '../../contacts';
import { REACTION_CONTEXT, type MessagesDeps } from '../deps';
import { findMessagesByWamid } from '../message.repository';
import type { NormalizedMessage } from './normalize-message';
import { upsertReaction } from './reaction.repository';

/**
 * Reactions attach to their target message by wamid (the target may arrive later); a removal
 * (emoji omitted or "") replaces the reaction with a tombstone. Applied by Meta's time, so the
 * newest wins whatever the delivery order.
 */
export async function applyReactions(deps: MessagesDeps, tx: TenantTx, workspaceId: string, reactions: { m: NormalizedMessage; contact: ResolvedContact }[]): Promise<void> {
  if (!reactions.length) return;
  const targets = new Map((await findMessagesByWamid(tx, workspaceId, reactions.map((r) => metaId((r.m.content.reaction as { message_id?: unknown } | undefined)?.message_id) ?? ''))).map((r) => [r.wamid, r]));
  for (const { m, contact } of reactions) {
    const reaction = m.content.reaction as { message_id?: unknown; emoji?: unknown } | undefined;
    const targetWamid = metaId(reaction?.message_id);
    if (!targetWamid) continue;
    const emoji = typeof reaction?.emoji === 'string' && reaction.emoji ? await deps.keyring.encrypt(tx, workspaceId, contact.keyId, reaction.emoji, REACTION_CONTEXT) : null;
    const changed = await upsertReaction(tx, workspaceId, { targetWamid, reactor: contact.contactId, emoji, at: m.timestamp });
    const target = targets.get(targetWamid);
    if (changed && target) await publishEvent(tx, workspaceId, 'message.reaction', { messageId: target.id, conversationId: target.conversation_id });
  }
}
