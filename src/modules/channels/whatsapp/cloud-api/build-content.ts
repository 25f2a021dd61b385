/** Builders of a message's `type` and object, to pass to `buildMessage`. */
import { definedOnly } from './defined-only';
import type {
  AudioObject,
  ContactObject,
  DocumentObject,
  ImageObject,
  LocationObject,
  StickerObject,
  TextObject,
  VideoObject,
} from './message-objects';
import type { MessageContent } from './outbound-message';

export function text(body: string, options: { preview_url?: boolean } = {}): { type: 'text'; text: TextObject } {
  return { type: 'text', text: { ...definedOnly({ preview_url: options.preview_url }), body } };
}

export function image(image: ImageObject): { type: 'image'; image: ImageObject } {
  return { type: 'image', image };
}

export function video(video: VideoObject): { type: 'video'; video: VideoObject } {
  return { type: 'video', video };
}

/** `voice: true` sends an OGG/OPUS file as a voice note. */
export function audio(audio: AudioObject): { type: 'audio'; audio: AudioObject } {
  return { type: 'audio', audio };
}

export function document(document: DocumentObject): { type: 'document'; document: DocumentObject } {
  return { type: 'document', document };
}

export function sticker(sticker: StickerObject): { type: 'sticker'; sticker: StickerObject } {
  return { type: 'sticker', sticker };
}

export function location(location: LocationObject): { type: 'location'; location: LocationObject } {
  return { type: 'location', location };
}

export function contacts(contacts: ContactObject[]): { type: 'contacts'; contacts: ContactObject[] } {
  return { type: 'contacts', contacts };
}

export function reaction(messageId: string, emoji: string): Extract<MessageContent, { type: 'reaction' }> {
  return { type: 'reaction', reaction: { message_id: messageId, emoji } };
}

/** Removes the business's reaction to a message: Meta takes an empty emoji. */
export function removeReaction(messageId: string): Extract<MessageContent, { type: 'reaction' }> {
  return reaction(messageId, '');
}
