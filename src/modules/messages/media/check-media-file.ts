import { outboundError } from '../errors';
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
  if (!rule) throw outboundError(415, 'media_type_unsupported', `WhatsApp does not accept ${mimeType || 'files without a type'}; send one of the supported types.`, { mimeType, supported: SUPPORTED_MEDIA_TYPES });
  if (!size) throw outboundError(422, 'media_empty', 'The file is empty.');
  const maxBytes = rule.kind === 'sticker' && !isAnimatedWebp(head) ? STATIC_STICKER_MAX_BYTES : rule.maxBytes;
  if (size > maxBytes) throw outboundError(413, 'media_too_large', `WhatsApp accepts ${mimeType} files of at most ${maxBytes} bytes; this one has ${size}.`, { mimeType, limitBytes: maxBytes, sizeBytes: size });
  if (!bytesMatchMimeType(head, mimeType)) {
    const hint = mimeType === 'audio/ogg' ? ' (WhatsApp plays OGG audio only with the OPUS codec)' : '';
    throw outboundError(422, 'media_type_mismatch', `The file's content is not ${mimeType}${hint}; declare the type it really has.`, { mimeType });
  }
  return { kind: rule.kind, mimeType };
}
