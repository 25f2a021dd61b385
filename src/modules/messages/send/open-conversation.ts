import type { TenantTx } from '../../../platform/db';
import { upsertConversations } from '../../inbox';

export interface SendConversation {
  id: string;
  contactId: string;
  /** 24 hours after the customer's last message (Meta's timestamp); null if they never wrote. */
  windowExpiresAt: Date | null;
}

/** The conversations of (contact, channel) pairs, created if the business writes first (one statement). */
export async function openConversationsForSend(tx: TenantTx, workspaceId: string, contactIds: string[], channelId: string, at: Date): Promise<Map<string, SendConversation>> {
  const rows = await upsertConversations(tx, workspaceId, [...new Set(contactIds)].map((contactId) => ({ contactId, channelId, lastMessageAt: at, reopen: false })), at);
  return new Map(rows.map((r) => [r.contact_id, { id: r.id, contactId: r.contact_id, windowExpiresAt: r.window_expires_at ? new Date(r.window_expires_at) : null }]));
}

/** The conversation of one (contact, channel). */
export async function openConversationForSend(tx: TenantTx, workspaceId: string, contactId: string, channelId: string, at: Date): Promise<SendConversation> {
  return (await openConversationsForSend(tx, workspaceId, [contactId], channelId, at)).get(contactId)!;
}
