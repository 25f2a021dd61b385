import type { TenantTx } from '../../platform/db';
import { findReplyTarget, findWorkspaceMedia } from '../inbox';
import { outboundError } from './errors';
import type { SendMessageBody } from './send-message.schema';

/** Our ids (messages, media) are UUIDs; Meta's wamids start with "wamid." and its media ids are digits. */
const OUR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MEDIA_KEYS = new Set(['image', 'video', 'audio', 'document', 'sticker']);

/** Every `{id}` under a media key anywhere in the message (the message itself, template parameters, interactive headers). */
export function mediaIdsOf(value: unknown, under?: string, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) mediaIdsOf(v, undefined, out);
  else if (value && typeof value === 'object') {
    const id = (value as { id?: unknown }).id;
    if (under && MEDIA_KEYS.has(under) && typeof id === 'string') out.push(id);
    for (const [k, v] of Object.entries(value)) mediaIdsOf(v, k, out);
  }
  return out;
}

/**
 * References a send makes, checked in the workspace: a reply's `context.message_id` may be our
 * message id, translated to the wamid Meta knows (a wamid passes as is); media ids that are ours
 * must be this workspace's media (Meta's own media ids pass through).
 */
export async function checkSendReferences(tx: TenantTx, workspaceId: string, body: SendMessageBody): Promise<{ body: SendMessageBody; replyToContactId: string | null }> {
  const ours = [...new Set(mediaIdsOf(body).filter((id) => OUR_ID.test(id)))];
  const found = await findWorkspaceMedia(tx, workspaceId, ours);
  const missing = ours.filter((id) => !found.has(id));
  if (missing.length) throw outboundError(422, 'media_not_found', 'No such media in this workspace; upload it first or use a media id Meta gave you.', { mediaIds: missing });

  const target = body.context?.message_id;
  if (!target || !OUR_ID.test(target)) return { body, replyToContactId: null };
  const message = await findReplyTarget(tx, workspaceId, target);
  if (!message) throw outboundError(422, 'context_message_not_found', 'context.message_id names no message of this workspace; give one of our message ids or a wamid.', { messageId: target });
  if (!message.wamid) throw outboundError(422, 'context_message_not_sent', 'The message replied to has no WhatsApp id yet (it is not sent); reply once it is.', { messageId: target });
  return { body: { ...body, context: { message_id: message.wamid } }, replyToContactId: message.contactId };
}
