import { newId, type TenantTx } from '../../../platform/db';
import type { TemplateObject } from '../../channels';
import { insertOutboundMessages } from './insert-outbound-message';
import { openConversationsForSend } from './open-conversation';
import { REQUEST_CONTEXT, type MessagesDeps } from '../deps';
import { enqueueSends } from './send-queue.repository';

export interface BatchSend {
  contactId: string;
  keyId: string;
  to: string;
  template: TemplateObject;
}

/**
 * Queues a batch of template sends of a campaign (already checked by the caller) in the caller's
 * transaction: conversations, queued messages, sealed queue rows. Returns the message ids in order.
 * Marketing sends have their recipient's consent checked again when they are dispatched.
 */
export async function queueTemplateSends(deps: MessagesDeps, tx: TenantTx, workspaceId: string, channelId: string, campaign: { id: string; marketing: boolean }, sends: BatchSend[]): Promise<string[]> {
  if (!sends.length) return [];
  const now = deps.clock.now();
  const conversations = await openConversationsForSend(tx, workspaceId, sends.map((s) => s.contactId), channelId, now);
  const ids = sends.map(() => newId(now.getTime()));
  await insertOutboundMessages(deps.keyring, tx, workspaceId, sends.map((s, i) => ({
    id: ids[i]!, channelId, conversationId: conversations.get(s.contactId)!.id, contactId: s.contactId, keyId: s.keyId, type: 'template', content: { template: s.template }, at: now,
  })));
  const rows = [];
  for (let i = 0; i < sends.length; i++) {
    const s = sends[i]!;
    const request = { messaging_product: 'whatsapp', recipient_type: 'individual', to: s.to, type: 'template', template: s.template, biz_opaque_callback_data: ids[i] };
    rows.push({ workspace_id: workspaceId, message_id: ids[i]!, channel_id: channelId, contact_id: s.contactId, campaign_id: campaign.id, marketing: campaign.marketing, request: await deps.keyring.encryptJson(tx, workspaceId, s.keyId, request, REQUEST_CONTEXT), next_attempt_at: now });
  }
  await enqueueSends(tx, rows);
  return ids;
}
