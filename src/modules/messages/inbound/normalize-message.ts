/* eslint-disable @typescript-eslint/no-explicit-any */
import { metaId, metaText, metaTime } from '../../channels';

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
  const wamid = metaId(m?.id);
  if (!wamid) return null;
  // The type is a column; its object is sealed content, keyed as stored (a NUL-free name).
  const sent = typeof m.type === 'string' && m.type ? m.type : 'unknown';
  const type = metaText(sent, 64) ?? 'unknown';
  const content: Record<string, unknown> = {};
  if (Object.hasOwn(m, sent) && m[sent] !== undefined) content[type] = m[sent];
  else if (type === 'request_welcome') content[type] = {};
  const errors = Array.isArray(m.errors) ? m.errors : undefined;
  const obj = content[type] as any;
  const out: NormalizedMessage = { wamid, type, timestamp: metaTime(m.timestamp, now), content };
  const context = contextOf(m);
  if (context) out.context = context;
  if (m.referral && typeof m.referral === 'object') out.referral = m.referral;
  if (errors) out.errors = errors;
  const searchText = searchTextOf(type, obj);
  if (searchText) out.searchText = searchText;
  const mediaId = MEDIA_TYPES.has(type) && obj && typeof obj === 'object' ? metaId(obj.id) : undefined;
  if (mediaId) out.media = { id: mediaId, mime_type: metaText(obj.mime_type, 255), sha256: metaText(obj.sha256, 255) };
  return out;
}
