// Turns a parsed inbound request into the `messages[]` item and `contacts[]` entry Meta
// would post (reference §8.2), storing any media so its id can be fetched.
import type { EngineState } from '../engine/engine-state';
import type { BusinessNumber } from '../engine/numbers';
import type { Customer } from '../engine/customers';
import { DEFAULT_MIME, placeholderBytes } from './placeholder-media';
import type { InboundMedia, ParsedInbound } from './inbound-schema';

const MEDIA_TYPES = new Set(['image', 'audio', 'video', 'document', 'sticker']);

export function senderContact(c: Customer): Record<string, unknown> {
  const profile: Record<string, unknown> = { name: c.name };
  if (c.username) profile.username = c.username;
  const contact: Record<string, unknown> = { profile, wa_id: c.phoneHidden ? '' : c.waId };
  if (c.userId) contact.user_id = c.userId;
  return contact;
}

export function buildInboundMessage(
  engine: EngineState,
  number: BusinessNumber,
  customer: Customer,
  input: ParsedInbound,
  wamid: string,
  timestampSec: number,
): Record<string, unknown> {
  const message: Record<string, unknown> = {};
  const context = contextOf(number, input);
  if (context) message.context = context;
  message.from = customer.phoneHidden ? '' : customer.waId;
  if (customer.userId) message.from_user_id = customer.userId;
  message.id = wamid;
  message.timestamp = String(timestampSec);
  if (input.type === 'unsupported') {
    message.errors = [
      { code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } },
    ];
  }
  if (input.type === 'unknown') message.errors = [{ code: 131051, details: 'Message type is not currently supported', title: 'Unsupported message type' }];
  message.type = input.type;
  const body = typeObject(engine, number, customer, input);
  if (body !== undefined) message[input.type] = body;
  if (input.referral) message.referral = input.referral;
  return message;
}

function contextOf(number: BusinessNumber, input: ParsedInbound): Record<string, unknown> | undefined {
  const c = input.context;
  if (!c) return undefined;
  const out: Record<string, unknown> = {};
  if (c.forwarded) out.forwarded = true;
  if (c.frequently_forwarded) out.frequently_forwarded = true;
  const quoted = c.id ?? c.message_id;
  if (quoted) {
    out.from = number.displayDigits;
    out.id = quoted;
  }
  if (c.referred_product) out.referred_product = c.referred_product;
  return Object.keys(out).length > 0 ? out : undefined;
}

function typeObject(engine: EngineState, number: BusinessNumber, customer: Customer, input: ParsedInbound): unknown {
  if (MEDIA_TYPES.has(input.type)) return mediaObject(engine, number, input.type, input[input.type as 'image'] ?? {});
  switch (input.type) {
    case 'system':
      return systemObject(customer, input.system!);
    case 'unsupported':
      return input.unsupported ?? { type: 'unknown' };
    case 'request_welcome':
    case 'unknown':
      return undefined;
    default:
      return input[input.type];
  }
}

function mediaObject(engine: EngineState, number: BusinessNumber, type: string, m: InboundMedia): Record<string, unknown> {
  const mimeType = m.mime_type ?? (type === 'audio' && m.voice === false ? 'audio/mpeg' : DEFAULT_MIME[type]!);
  const data = m.data ? Buffer.from(m.data, 'base64') : placeholderBytes(mimeType);
  const filename = type === 'document' ? (m.filename ?? 'document.pdf') : null;
  const stored = engine.media.put(number.id, data, mimeType, 'inbound', filename);
  const out: Record<string, unknown> = {};
  if (m.caption !== undefined && type !== 'audio' && type !== 'sticker') out.caption = m.caption;
  if (filename) out.filename = filename;
  out.mime_type = mimeType;
  out.sha256 = stored.sha256.toString('base64');
  out.id = stored.id;
  if (engine.publicUrl) out.url = engine.media.downloadUrl(engine.publicUrl, stored);
  if (type === 'audio') out.voice = m.voice ?? mimeType.startsWith('audio/ogg');
  if (type === 'sticker') out.animated = m.animated ?? false;
  return out;
}

function systemObject(customer: Customer, s: NonNullable<ParsedInbound['system']>): Record<string, unknown> {
  if (s.type === 'user_changed_number') {
    return { body: s.body ?? `User ${customer.name || customer.waId} changed from ${customer.waId} to ${s.newWaId}`, wa_id: s.newWaId, type: s.type };
  }
  return { body: s.body ?? `User ${customer.name || customer.waId} changed their user id`, user_id: s.newUserId ?? customer.userId, type: s.type };
}
