import { uploadErrors } from '../errors';
import { baseMimeType, mediaTypeRule, STATIC_STICKER_MAX_BYTES, SUPPORTED_MEDIA_TYPES, type MediaKind } from './media-kinds';
import { bytesMatchMimeType, isAnimatedWebp } from './sniff-media';

/**
 * Meta's rules for a file to send (reference §4), checked on upload: a supported type, within
 * its kind's size, and bytes that really are of that type (judged from the file's first bytes,
 * `head`; `size` is the whole file's).
 */
export function checkMediaFile(head: Buffer, size: number, declaredType: string): { kind: MediaKind; mimeType: string } {
  const mimeType = baseMimeType(declaredType);
  const rule = mediaTypeRule(mimeType);
  if (!rule) throw uploadErrors.typeUnsupported(mimeType, SUPPORTED_MEDIA_TYPES);
  if (!size) throw uploadErrors.empty();
  const maxBytes = rule.kind === 'sticker' && !isAnimatedWebp(head) ? STATIC_STICKER_MAX_BYTES : rule.maxBytes;
  if (size > maxBytes) throw uploadErrors.fileTooLarge(mimeType, maxBytes, size);
  if (!bytesMatchMimeType(head, mimeType)) {
    const hint = mimeType === 'audio/ogg' ? ' (WhatsApp plays OGG audio only with the OPUS codec)' : '';
    throw uploadErrors.contentMismatch(mimeType, hint);
  }
  return { kind: rule.kind, mimeType };
}
