import type { TenantTx } from '../../../platform/db';
import { upsertConversations } from '../conversation.repository';

export interface SendConversation {
  id: string;
  /** 24 hours after the customer's last message (Meta's timestamp); null if they never wrote. */
  windowExpiresAt: Date | null;
}

/** The conversation of (contact, channel), created if the business writes first. */
export async function openConversationForSend(tx: TenantTx, workspaceId: string, contactId: string, channelId: string, at: Date): Promise<SendConversation> {
  const [row] = await upsertConversations(tx, workspaceId, [{ contactId, channelId, lastMessageAt: at, reopen: false }], at);
  return { id: row!.id, windowExpiresAt: row!.window_expires_at ? new Date(row!.window_expires_at) : null };
}
