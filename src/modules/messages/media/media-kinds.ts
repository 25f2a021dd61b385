/**
 * What Meta accepts for each kind of media message (reference §2.2 and §4): its MIME types and
 * their size limits. An upload is checked against this table so a bad file is refused when it
 * is uploaded, not weeks later as an asynchronous 131053 on a send.
 */
export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

const KB = 1024;
const MB = 1024 * KB;

/** Stickers: static ≤ 100 KB, animated ≤ 500 KB (checked once the bytes say which). */
export const STATIC_STICKER_MAX_BYTES = 100 * KB;

const TYPES: Record<string, { kind: MediaKind; maxBytes: number; extension: string }> = {
  'image/jpeg': { kind: 'image', maxBytes: 5 * MB, extension: 'jpg' },
  'image/png': { kind: 'image', maxBytes: 5 * MB, extension: 'png' },
  'image/webp': { kind: 'sticker', maxBytes: 500 * KB, extension: 'webp' },
  'video/mp4': { kind: 'video', maxBytes: 16 * MB, extension: 'mp4' },
  'video/3gpp': { kind: 'video', maxBytes: 16 * MB, extension: '3gp' },
  'audio/aac': { kind: 'audio', maxBytes: 16 * MB, extension: 'aac' },
  'audio/amr': { kind: 'audio', maxBytes: 16 * MB, extension: 'amr' },
  'audio/mpeg': { kind: 'audio', maxBytes: 16 * MB, extension: 'mp3' },
  'audio/mp4': { kind: 'audio', maxBytes: 16 * MB, extension: 'm4a' },
  'audio/ogg': { kind: 'audio', maxBytes: 16 * MB, extension: 'ogg' },
  'text/plain': { kind: 'document', maxBytes: 100 * MB, extension: 'txt' },
  'application/pdf': { kind: 'document', maxBytes: 100 * MB, extension: 'pdf' },
  'application/msword': { kind: 'document', maxBytes: 100 * MB, extension: 'doc' },
  'application/vnd.ms-excel': { kind: 'document', maxBytes: 100 * MB, extension: 'xls' },
  'application/vnd.ms-powerpoint': { kind: 'document', maxBytes: 100 * MB, extension: 'ppt' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'document', maxBytes: 100 * MB, extension: 'docx' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'document', maxBytes: 100 * MB, extension: 'xlsx' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { kind: 'document', maxBytes: 100 * MB, extension: 'pptx' },
};

export const SUPPORTED_MEDIA_TYPES = Object.keys(TYPES);
/** The largest file any kind allows: the upload route's hard stop. */
export const MEDIA_MAX_BYTES = Math.max(...Object.values(TYPES).map((t) => t.maxBytes));

/** `Audio/OGG; codecs=opus` → `audio/ogg`. */
export const baseMimeType = (mime: string) => (mime.split(';')[0] ?? '').trim().toLowerCase();

export function mediaTypeRule(mime: string): { kind: MediaKind; maxBytes: number; extension: string } | undefined {
  return TYPES[baseMimeType(mime)];
}

/** Whether a stored medium of `mime` may be sent as a `type` message (Meta fails a mismatch with 131053). */
export function mediaFitsMessageType(mime: string, type: string): boolean {
  return mediaTypeRule(mime)?.kind === type;
}
