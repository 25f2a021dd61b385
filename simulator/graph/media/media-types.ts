// Supported media types and size limits (reference §4), and which message type may carry
// which medium.

const MB = 1024 * 1024;

const LIMITS: Record<string, number> = {
  'audio/aac': 16 * MB,
  'audio/amr': 16 * MB,
  'audio/mpeg': 16 * MB,
  'audio/mp4': 16 * MB,
  'audio/ogg': 16 * MB,
  'text/plain': 100 * MB,
  'application/pdf': 100 * MB,
  'application/vnd.ms-excel': 100 * MB,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 100 * MB,
  'application/msword': 100 * MB,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 100 * MB,
  'application/vnd.ms-powerpoint': 100 * MB,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 100 * MB,
  'image/jpeg': 5 * MB,
  'image/png': 5 * MB,
  // Stickers: 100 KB static, 500 KB animated; the upload cannot tell which, so the larger.
  'image/webp': 500 * 1024,
  'video/mp4': 16 * MB,
  'video/3gpp': 16 * MB,
};

/** `audio/ogg; codecs=opus` → `audio/ogg`. */
export function baseMime(mime: string): string {
  return mime.split(';')[0]!.trim().toLowerCase();
}

export function sizeLimitOf(mime: string): number | undefined {
  return LIMITS[baseMime(mime)];
}

export const SUPPORTED_MIME_TYPES = Object.keys(LIMITS);

export function mediaFitsMessageType(mime: string, type: string): boolean {
  const m = baseMime(mime);
  switch (type) {
    case 'image':
      return m === 'image/jpeg' || m === 'image/png';
    case 'sticker':
      return m === 'image/webp';
    case 'audio':
      return m.startsWith('audio/');
    case 'video':
      return m.startsWith('video/');
    case 'document':
      return m.startsWith('application/') || m === 'text/plain';
    default:
      return false;
  }
}
