import { outboundError } from './errors';
import { baseMimeType, mediaTypeRule, STATIC_STICKER_MAX_BYTES, SUPPORTED_MEDIA_TYPES, type MediaKind } from './media-kinds';
import { bytesMatchMimeType, isAnimatedWebp } from './sniff-media';

/**
 * Meta's rules for a file to send (reference §4), checked on upload: a supported type, within
 * its kind's size, and bytes that really are of that type.
 */
export function checkMediaFile(bytes: Buffer, declaredType: string): { kind: MediaKind; mimeType: string } {
  const mimeType = baseMimeType(declaredType);
  const rule = mediaTypeRule(mimeType);
  if (!rule) throw outboundError(415, 'media_type_unsupported', `WhatsApp does not accept ${mimeType || 'files without a type'}; send one of the supported types.`, { mimeType, supported: SUPPORTED_MEDIA_TYPES });
  if (!bytes.length) throw outboundError(422, 'media_empty', 'The file is empty.');
  const maxBytes = rule.kind === 'sticker' && !isAnimatedWebp(bytes) ? STATIC_STICKER_MAX_BYTES : rule.maxBytes;
  if (bytes.length > maxBytes) throw outboundError(413, 'media_too_large', `WhatsApp accepts ${mimeType} files of at most ${maxBytes} bytes; this one has ${bytes.length}.`, { mimeType, limitBytes: maxBytes, sizeBytes: bytes.length });
  if (!bytesMatchMimeType(bytes, mimeType)) {
    const hint = mimeType === 'audio/ogg' ? ' (WhatsApp plays OGG audio only with the OPUS codec)' : '';
    throw outboundError(422, 'media_type_mismatch', `The file's content is not ${mimeType}${hint}; declare the type it really has.`, { mimeType });
  }
  return { kind: rule.kind, mimeType };
}
