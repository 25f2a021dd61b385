import type { TenantTx } from '../../../platform/db';
import type { Actor } from '../../privacy';
import { checkSendReferences } from './check-send-references';
import type { MessagesDeps } from '../deps';
import { sendErrors } from '../errors';
import { sendMessage } from './send-message';
import type { SendAccepted, SendMessageBody } from './send-message.schema';

/**
 * One POST /api/v1/messages: references checked and translated, the send accepted, and one audit
 * entry naming who sent it (user or API key), all in the caller's transaction.
 */
export async function sendMessageRequest(deps: MessagesDeps, tx: TenantTx, workspaceId: string, actor: Actor, input: SendMessageBody): Promise<SendAccepted> {
  const { body, replyToContactId } = await checkSendReferences(tx, workspaceId, input);
  const accepted = await sendMessage(deps, tx, workspaceId, body);
  if (replyToContactId && replyToContactId !== accepted.contactId) {
    throw sendErrors.replyToOtherConversation(input.context!.message_id);
  }
  await deps.audit.record(tx, workspaceId, actor, { action: 'message.send', target: { type: 'message', id: accepted.id }, details: { type: body.type, contactId: accepted.contactId, conversationId: accepted.conversationId } });
  return accepted;
}
