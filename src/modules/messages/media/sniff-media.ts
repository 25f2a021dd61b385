import { baseMimeType } from './media-kinds';

/**
 * Whether a file's first bytes (its magic number) agree with the MIME type it was declared
 * with: a renamed file would be accepted by Meta's upload and fail every send with 131053.
 */
const at = (bytes: Buffer, offset: number, signature: string | number[]) => {
  const expected = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return bytes.length >= offset + expected.length && bytes.subarray(offset, offset + expected.length).equals(expected);
};

const isIsoMedia = (b: Buffer) => at(b, 4, 'ftyp');
const isZip = (b: Buffer) => at(b, 0, [0x50, 0x4b, 0x03, 0x04]);
const isOle2 = (b: Buffer) => at(b, 0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const isWebp = (b: Buffer) => at(b, 0, 'RIFF') && at(b, 8, 'WEBP');
const isAdts = (b: Buffer) => b.length >= 2 && b[0] === 0xff && ((b[1] ?? 0) & 0xf6) === 0xf0;
const isMpegAudio = (b: Buffer) => at(b, 0, 'ID3') || (b.length >= 2 && b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0);

/** Plain text: no NUL byte in the first 8 KB and none of the binary signatures above. */
const isText = (b: Buffer) => !b.subarray(0, 8192).includes(0) && !isZip(b) && !isOle2(b) && !at(b, 0, '%PDF-');

const SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  'image/jpeg': (b) => at(b, 0, [0xff, 0xd8, 0xff]),
  'image/png': (b) => at(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/webp': isWebp,
  'video/mp4': isIsoMedia,
  'video/3gpp': isIsoMedia,
  'audio/mp4': isIsoMedia,
  'audio/aac': (b) => isAdts(b) || at(b, 0, 'ADIF'),
  'audio/amr': (b) => at(b, 0, '#!AMR'),
  'audio/mpeg': isMpegAudio,
  // Meta plays OGG only with the OPUS codec, whose header packet starts the second page.
  'audio/ogg': (b) => at(b, 0, 'OggS') && b.subarray(0, 512).includes('OpusHead'),
  'application/pdf': (b) => at(b, 0, '%PDF-'),
  'application/msword': isOle2,
  'application/vnd.ms-excel': isOle2,
  'application/vnd.ms-powerpoint': isOle2,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': isZip,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': isZip,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': isZip,
  'text/plain': isText,
};

export function bytesMatchMimeType(bytes: Buffer, mime: string): boolean {
  return SIGNATURES[baseMimeType(mime)]?.(bytes) ?? false;
}

/** An animated WebP has a VP8X header chunk with the animation flag set (or an ANIM chunk). */
export function isAnimatedWebp(bytes: Buffer): boolean {
  if (at(bytes, 12, 'VP8X') && ((bytes[20] ?? 0) & 0x02) !== 0) return true;
  return bytes.subarray(0, 4096).includes('ANIM');
}
