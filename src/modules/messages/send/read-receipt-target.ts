import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/db';
import { findConversation } from '../../inbox';
import { findMessagesById } from '../message.repository';

export interface ReadTarget {
  conversationId: string;
  assigneeId: string | null;
  /** The newest inbound message that has a wamid, if any. */
  latestInbound: { id: string; wamid: string } | null;
}

/** A conversation and its newest inbound message (mark-as-read when an agent opens it). */
export async function latestInboundOf(tx: TenantTx, workspaceId: string, conversationId: string): Promise<ReadTarget | null> {
  const conversation = await findConversation(tx, workspaceId, conversationId);
  if (!conversation) return null;
  const { rows } = await sql<{ id: string; wamid: string }>`
    select id, wamid from messages where workspace_id = ${workspaceId} and conversation_id = ${conversationId}
      and direction = 'inbound' and wamid is not null
    order by sent_at desc, id desc limit 1`.execute(tx);
  return { conversationId, assigneeId: conversation.assignee_id, latestInbound: rows[0] ?? null };
}

/** What a read receipt needs: the inbound wamid and the channel it came to (ids only). */
export async function readReceiptTarget(tx: TenantTx, workspaceId: string, messageId: string): Promise<{ wamid: string; channelId: string } | null> {
  const [row] = await findMessagesById(tx, workspaceId, [messageId]);
  return row?.direction === 'inbound' && row.wamid ? { wamid: row.wamid, channelId: row.channel_id } : null;
}
