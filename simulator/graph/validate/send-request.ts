// Validates a POST /<PHONE_NUMBER_ID>/messages body (reference §2) and returns what the
// send path needs. Throws GraphError with Meta's codes.
import { GraphError, invalidParam, invalidValue, missingParam } from '../graph-error';
import { isBsuid } from '../../engine/wa-id';
import { isObj, optObj, optString, type Obj } from './checks';
import { validateContacts, validateLocation, validateMedia, validateReaction, validateText } from './basic-types';
import { validateInteractive } from './interactive';
import { validateTemplateShape } from './template-shape';

export const MESSAGE_TYPES = [
  'text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'interactive', 'template', 'reaction',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export interface SendRequest {
  to: string;
  type: MessageType;
  /** The type object (`text`, `image`, ...); an array for contacts. */
  payload: unknown;
  contextMessageId?: string;
  bizOpaque?: string;
}

const TYPES = new Set<string>(MESSAGE_TYPES);
const MEDIA = new Set(['image', 'audio', 'video', 'document', 'sticker']);
const PHONE = /^\+?[\d\s\-().]{5,30}$/;

export function validateSendRequest(body: unknown): SendRequest {
  if (!isObj(body)) throw invalidParam('The request body must be a JSON object.');
  if (body.messaging_product === undefined) throw invalidParam('The parameter messaging_product is required.');
  if (body.messaging_product !== 'whatsapp') {
    throw invalidParam(`Param messaging_product must be one of {WHATSAPP} - got "${String(body.messaging_product)}".`);
  }
  if (body.recipient_type !== undefined && body.recipient_type !== 'individual') {
    throw invalidValue(`Param recipient_type must be "individual" for this number - got "${String(body.recipient_type)}".`);
  }
  const to = checkRecipient(body.to);
  // Meta defaults the type to text.
  const type = body.type === undefined ? 'text' : body.type;
  if (typeof type !== 'string' || !TYPES.has(type)) throw new GraphError(131051, `Message type "${String(type)}" is not supported.`);
  const payload = body[type];
  if (payload === undefined || payload === null) throw missingParam(`The parameter ${type} is required.`);
  validateTypeObject(type as MessageType, payload);

  const request: SendRequest = { to, type: type as MessageType, payload };
  const context = optObj(body, 'context', 'context');
  if (context) {
    if (type === 'reaction') throw invalidValue('Reactions cannot be sent as a contextual reply.');
    const id = context.message_id;
    if (typeof id !== 'string' || id === '') throw missingParam("The parameter context['message_id'] is required.");
    request.contextMessageId = id;
  }
  const opaque = optString(body, 'biz_opaque_callback_data', 'biz_opaque_callback_data', 512);
  if (opaque !== undefined) request.bizOpaque = opaque;
  return request;
}

function checkRecipient(to: unknown): string {
  if (to === undefined || to === null || to === '') throw missingParam('The parameter to is required.');
  if (typeof to !== 'string') throw invalidParam('Param to must be a string.');
  if (isBsuid(to)) return to;
  const digits = to.replace(/\D/g, '').length;
  if (!PHONE.test(to) || digits < 6 || digits > 15) throw invalidValue(`Param to is not a valid WhatsApp phone number or user id - got "${to}".`);
  return to;
}

function validateTypeObject(type: MessageType, payload: unknown): void {
  if (type === 'contacts') {
    if (!Array.isArray(payload) || payload.length === 0) throw invalidParam('Param contacts must be a non-empty array.');
    return validateContacts(payload);
  }
  if (!isObj(payload)) throw invalidParam(`Param ${type} must be a JSON object.`);
  const obj: Obj = payload;
  if (type === 'text') validateText(obj);
  else if (MEDIA.has(type)) validateMedia(type, obj);
  else if (type === 'location') validateLocation(obj);
  else if (type === 'reaction') validateReaction(obj);
  else if (type === 'interactive') validateInteractive(obj);
  else if (type === 'template') validateTemplateShape(obj);
}
