/* eslint-disable @typescript-eslint/no-explicit-any */

/** A Meta inbound message, normalized: the type object keeps Meta's field names exactly. */
export interface NormalizedMessage {
  wamid: string;
  type: string;
  timestamp: Date;
  content: Record<string, unknown>;
  context?: { wamid?: string; from?: string; forwarded?: boolean; frequentlyForwarded?: boolean; referredProduct?: unknown };
  referral?: Record<string, unknown>;
  errors?: unknown[];
  /** Words to index for search: text bodies, captions, titles. */
  searchText?: string;
  media?: { id: string; mime_type?: string; sha256?: string };
}

const MEDIA_TYPES = new Set(['image', 'audio', 'video', 'document', 'sticker']);

export function metaTime(value: unknown, fallback: Date): Date {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : NaN;
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : fallback;
}

function contextOf(m: any): NormalizedMessage['context'] {
  const c = m.context;
  if (!c || typeof c !== 'object') return undefined;
  const out: NonNullable<NormalizedMessage['context']> = {};
  if (typeof c.id === 'string') out.wamid = c.id;
  if (typeof c.from === 'string') out.from = c.from;
  if (c.forwarded === true) out.forwarded = true;
  if (c.frequently_forwarded === true) out.frequentlyForwarded = true;
  if (c.referred_product) out.referredProduct = c.referred_product;
  return out;
}

export function searchTextOf(type: string, obj: any): string | undefined {
  if (!obj || typeof obj !== 'object') return undefined;
  switch (type) {
    case 'text':
      return typeof obj.body === 'string' ? obj.body : undefined;
    case 'image':
    case 'video':
    case 'document':
      return [obj.caption, obj.filename].filter((s) => typeof s === 'string').join(' ') || undefined;
    case 'button':
      return typeof obj.text === 'string' ? obj.text : undefined;
    case 'interactive': {
      const r = obj.button_reply ?? obj.list_reply;
      return r ? [r.title, r.description].filter((s) => typeof s === 'string').join(' ') : undefined;
    }
    case 'location':
      return [obj.name, obj.address].filter((s) => typeof s === 'string').join(' ') || undefined;
    case 'order':
      return typeof obj.text === 'string' ? obj.text : undefined;
    default:
      return undefined;
  }
}

/** Every inbound type of reference §8; an unknown type is stored as it came, with its errors. */
export function normalizeMessage(m: any, now: Date): NormalizedMessage | null {
  const wamid = typeof m?.id === 'string' && m.id ? m.id : null;
  if (!wamid) return null;
  const type = typeof m.type === 'string' && m.type ? m.type : 'unknown';
  const content: Record<string, unknown> = {};
  if (type in m && m[type] !== undefined) content[type] = m[type];
  else if (type === 'request_welcome') content[type] = {};
  const errors = Array.isArray(m.errors) ? m.errors : undefined;
  const obj = m[type];
  const out: NormalizedMessage = { wamid, type, timestamp: metaTime(m.timestamp, now), content };
  const context = contextOf(m);
  if (context) out.context = context;
  if (m.referral && typeof m.referral === 'object') out.referral = m.referral;
  if (errors) out.errors = errors;
  const searchText = searchTextOf(type, obj);
  if (searchText) out.searchText = searchText;
  if (MEDIA_TYPES.has(type) && obj && typeof obj.id === 'string') out.media = { id: obj.id, mime_type: obj.mime_type, sha256: obj.sha256 };
  // An edit carries the new message: index its words too.
  if (type === 'edit' && obj?.message) out.searchText = searchTextOf(obj.message.type, obj.message[obj.message.type]);
  return out;
}
