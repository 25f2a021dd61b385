import { sql } from 'kysely';
import type { Keyring } from '../../../platform/crypto';
import type { TenantTx } from '../../../platform/db';
import { PAYLOAD_CONTEXT } from '../deps';
import { findMessagesById } from '../message.repository';
import { searchTextOf } from './normalize-message';

export interface InboundForAutomation {
  id: string;
  conversationId: string;
  contactId: string;
  channelId: string;
  type: string;
  /** Meta's timestamp. */
  at: Date;
  /** What the customer typed (text, caption, button or list title), decrypted; null for media without caption etc. */
  text: string | null;
  /** No earlier inbound message of this contact exists in the workspace. */
  firstFromContact: boolean;
}

/** An inbound message as automation needs it (a job carries only its id). */
export async function readInboundMessage(keyring: Keyring, tx: TenantTx, workspaceId: string, messageId: string): Promise<InboundForAutomation | null> {
  const [row] = await findMessagesById(tx, workspaceId, [messageId]);
  if (!row || row.direction !== 'inbound') return null;
  const payload = row.payload ? await keyring.decryptJson<{ content?: Record<string, unknown> }>(tx, workspaceId, row.payload, PAYLOAD_CONTEXT) : {};
  const earlier = await tx
    .selectFrom('messages').select('id')
    .where('workspace_id', '=', workspaceId).where('contact_id', '=', row.contact_id).where('direction', '=', 'inbound')
    .where(sql<boolean>`(sent_at, id) < (${row.sent_at}, ${row.id})`)
    .limit(1).executeTakeFirst();
  return {
    id: row.id,
    conversationId: row.conversation_id,
    contactId: row.contact_id,
    channelId: row.channel_id,
    type: row.type,
    at: row.sent_at,
    text: searchTextOf(row.type, payload.content?.[row.type]) ?? null,
    firstFromContact: !earlier,
  };
}
