import { resolveWorkspaceChannel } from '../../channels';
import { newId, type TenantTx } from '../../../platform/db';
import { marketingConsentOf, resolveRecipient } from '../../contacts';
import { insertOutboundMessages } from './insert-outbound-message';
import { openConversationForSend } from './open-conversation';
import { checkTemplate } from './check-template';
import { REQUEST_CONTEXT, type MessagesDeps } from '../deps';
import { sendErrors } from '../errors';
import { enqueueSends } from './send-queue.repository';
import type { SendAccepted, SendMessageBody } from './send-message.schema';

/**
 * Accepts one send: every refusal (window, consent, template, recipient) is decided before
 * anything is stored; an accepted send is a queued message, its queue row and message.created,
 * in one transaction.
 */
export async function sendMessage(deps: MessagesDeps, tx: TenantTx, workspaceId: string, body: SendMessageBody, options: { automation?: string } = {}): Promise<SendAccepted> {
  const { to, contactId, channelId, context, ...message } = body;
  const now = deps.clock.now();
  const channel = await resolveWorkspaceChannel(tx, workspaceId, channelId);
  const recipient = await resolveRecipient(deps.contacts, tx, workspaceId, to !== undefined ? { to } : { contactId: contactId! });
  if (!recipient) throw contactId ? sendErrors.contactNotAddressable() : sendErrors.recipientNotAddressable();
  const conversation = await openConversationForSend(tx, workspaceId, recipient.contactId, channel.id, now);

  let marketing = false;
  if (message.type === 'template') {
    const { category } = await checkTemplate(tx, workspaceId, channel.wabaId, message.template);
    marketing = category === 'MARKETING';
    if (marketing && !(await marketingConsentOf(tx, workspaceId, [recipient.contactId])).has(recipient.contactId)) {
      throw sendErrors.consentRequired(recipient.contactId);
    }
  } else if (!conversation.windowExpiresAt || conversation.windowExpiresAt <= now) {
    throw sendErrors.windowClosed(conversation.windowExpiresAt ?? null);
  }

  const id = newId(now.getTime());
  const content = { [message.type]: (message as Record<string, unknown>)[message.type] };
  const request = { messaging_product: 'whatsapp', recipient_type: 'individual', to: recipient.to, ...message, ...(context ? { context } : {}), biz_opaque_callback_data: id };
  await insertOutboundMessages(deps.keyring, tx, workspaceId, [{ id, channelId: channel.id, conversationId: conversation.id, contactId: recipient.contactId, keyId: recipient.keyId, type: message.type, content, ...(context ? { context } : {}), at: now, ...options }]);
  await enqueueSends(tx, [{
    workspace_id: workspaceId, message_id: id, channel_id: channel.id, contact_id: recipient.contactId, campaign_id: null, marketing,
    request: await deps.keyring.encryptJson(tx, workspaceId, recipient.keyId, request, REQUEST_CONTEXT), next_attempt_at: now,
  }]);
  return { id, status: 'queued', conversationId: conversation.id, contactId: recipient.contactId };
}
