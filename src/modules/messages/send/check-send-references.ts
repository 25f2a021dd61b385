import type { TenantTx } from '../../../platform/db';
import { findReplyTarget, findWorkspaceMedia } from './reply-and-media';
import { sendErrors } from '../errors';
import { mediaFitsMessageType } from '../media/media-kinds';
import { isOurId, mediaReferencesOf, ourMediaIdsOf } from '../media/media-references';
import type { SendMessageBody } from './send-message.schema';

/**
 * References a send makes, checked in the workspace: a reply's `context.message_id` and a
 * reaction's `reaction.message_id` may be our message id, translated to the wamid Meta knows (a
 * wamid passes as is); media ids that are ours
 * must be this workspace's media, of a type the message can carry (Meta's own media ids pass through).
 */
export async function checkSendReferences(tx: TenantTx, workspaceId: string, body: SendMessageBody): Promise<{ body: SendMessageBody; replyToContactId: string | null }> {
  const ours = ourMediaIdsOf(body);
  const found = await findWorkspaceMedia(tx, workspaceId, ours);
  const missing = ours.filter((id) => !found.has(id));
  if (missing.length) throw sendErrors.mediaNotFound(missing);
  // Meta would take the send, then fail it with 131053: say so now.
  const misfits = mediaReferencesOf(body).flatMap(({ type, id }) => {
    const mimeType = found.get(id);
    return mimeType && !mediaFitsMessageType(mimeType, type) ? [{ id, sentAs: type, mimeType }] : [];
  });
  if (misfits.length) throw sendErrors.mediaMisfits(misfits);

  const reactionTarget = body.type === 'reaction' ? (body as { reaction?: { message_id?: unknown } }).reaction?.message_id : undefined;
  if (typeof reactionTarget === 'string' && isOurId(reactionTarget)) {
    // Meta knows messages by wamid only: our id as is would be refused (131009) after acceptance.
    const wamid = await wamidOf(tx, workspaceId, reactionTarget, 'reaction.message_id');
    return { body: { ...body, reaction: { ...(body as { reaction: object }).reaction, message_id: wamid.wamid } } as SendMessageBody, replyToContactId: null };
  }

  const target = body.context?.message_id;
  if (!target || !isOurId(target)) return { body, replyToContactId: null };
  const message = await wamidOf(tx, workspaceId, target, 'context.message_id');
  return { body: { ...body, context: { message_id: message.wamid } }, replyToContactId: message.contactId };
}

/** The wamid of our message `id`, named by the request's `field` (a reply's context or a reaction's target). */
async function wamidOf(tx: TenantTx, workspaceId: string, id: string, field: string): Promise<{ wamid: string; contactId: string }> {
  const message = await findReplyTarget(tx, workspaceId, id);
  if (!message) throw sendErrors.referencedMessageNotFound(id, field);
  if (!message.wamid) throw sendErrors.referencedMessageNotSent(id, field);
  return { wamid: message.wamid, contactId: message.contactId };
}
