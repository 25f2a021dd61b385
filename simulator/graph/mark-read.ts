// Mark as read / typing indicator (reference §3): {"messaging_product":"whatsapp",
// "status":"read","message_id":<inbound wamid>[, "typing_indicator":{"type":"text"}]}.
// Only the number's inbound wamids are valid; the message and every earlier one turn blue.
import { GraphError, invalidParam, missingParam } from './graph-error';
import { ok, type GraphReply, type GraphRequest } from './graph-request';
import { isObj } from './validate/checks';
import type { BusinessNumber } from '../engine/numbers';

export function markRead(req: GraphRequest, number: BusinessNumber): GraphReply {
  const body = req.body as Record<string, unknown>;
  if (body.messaging_product !== 'whatsapp') throw invalidParam('The parameter messaging_product is required.');
  const id = body.message_id;
  if (typeof id !== 'string' || id === '') throw missingParam('The parameter message_id is required.');
  if (body.typing_indicator !== undefined) {
    if (!isObj(body.typing_indicator) || body.typing_indicator.type !== 'text') throw invalidParam("Param typing_indicator['type'] must be one of {TEXT}.");
  }
  const target = number.chats.find(id);
  if (!target || target.item.from !== 'customer') throw new GraphError(131009, `Message ${id} is not an inbound message of this phone number.`);
  number.chats.markReadUpTo(id);
  return ok({ success: true });
}
