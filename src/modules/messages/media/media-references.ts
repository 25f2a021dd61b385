/** Our ids (messages, media) are UUIDs; Meta's wamids start with "wamid." and its media ids are digits. */
export const isOurId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

const MEDIA_KEYS = new Set(['image', 'video', 'audio', 'document', 'sticker']);
const isMediaObject = (under: string | undefined, value: object): value is { id: string } => under !== undefined && MEDIA_KEYS.has(under) && typeof (value as { id?: unknown }).id === 'string';

export interface MediaReference {
  /** The media key it is under, which is the kind of file it must be: image, video, audio, document or sticker. */
  type: string;
  id: string;
}

/** Every `{id}` under a media key anywhere in the message (the message itself, template parameters, interactive headers). */
export function mediaReferencesOf(value: unknown, under?: string, out: MediaReference[] = []): MediaReference[] {
  if (Array.isArray(value)) for (const v of value) mediaReferencesOf(v, undefined, out);
  else if (value && typeof value === 'object') {
    if (isMediaObject(under, value)) out.push({ type: under!, id: value.id });
    for (const [k, v] of Object.entries(value)) mediaReferencesOf(v, k, out);
  }
  return out;
}

/** The distinct media ids of ours (UUIDs) a message names. */
export const ourMediaIdsOf = (value: unknown) => [...new Set(mediaReferencesOf(value).map((r) => r.id).filter(isOurId))];

/** A copy of the message with the media ids found in `replacements` swapped for their values. */
export function replaceMediaIds<T>(value: T, replacements: ReadonlyMap<string, string>, under?: string): T {
  if (Array.isArray(value)) return value.map((v: unknown) => replaceMediaIds(v, replacements)) as T;
  if (!value || typeof value !== 'object') return value;
  const copy = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceMediaIds(v, replacements, k)]));
  if (isMediaObject(under, value)) copy.id = replacements.get(value.id) ?? value.id;
  return copy as T;
}
