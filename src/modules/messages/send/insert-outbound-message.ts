import type { Keyring } from '../../../platform/crypto';
import type { TenantTx } from '../../../platform/db';
import { publishEvents } from '../../../platform/events';
import { PAYLOAD_CONTEXT } from '../deps';
import { insertMessages } from '../message.repository';

export interface NewOutboundMessage {
  id: string;
  channelId: string;
  conversationId: string;
  contactId: string;
  /** The contact's data key: the content is sealed with it. */
  keyId: string;
  type: string;
  content: Record<string, unknown>;
  context?: Record<string, unknown>;
  at: Date;
  /** Set when an automation sends it (the inbox shows "automated"). */
  automation?: string;
}

/** Stores accepted sends as `queued` outbound messages and publishes message.created for each (the events in one INSERT per batch). */
export async function insertOutboundMessages(keyring: Keyring, tx: TenantTx, workspaceId: string, messages: NewOutboundMessage[]): Promise<void> {
  const rows = [];
  for (const m of messages) {
    const payload = await keyring.encryptJson(tx, workspaceId, m.keyId, { content: m.content, ...(m.context ? { context: m.context } : {}) }, PAYLOAD_CONTEXT);
    rows.push({
      workspace_id: workspaceId, id: m.id, wamid: null, channel_id: m.channelId, conversation_id: m.conversationId, contact_id: m.contactId,
      direction: 'outbound' as const, type: m.type, status: 'queued', payload, sent_at: m.at, status_history: [{ status: 'queued', at: m.at.toISOString() }],
      ...(m.automation ? { automation: m.automation } : {}),
    });
  }
  await insertMessages(tx, rows);
  await publishEvents(tx, workspaceId, messages.map((m) => ({ type: 'message.created' as const, data: { messageId: m.id, conversationId: m.conversationId, contactId: m.contactId, channelId: m.channelId, direction: 'outbound' as const } })));
}
