/**
 * The body of `POST /<PHONE_NUMBER_ID>/messages` for every message type (reference §2.1):
 * an envelope (`messaging_product`, `recipient_type`, `to`, `context`,
 * `biz_opaque_callback_data`) plus `type` and the object named by it.
 */
import { z } from 'zod';
import { interactiveObject } from './interactive-objects';
import {
  audioObject,
  contactsArray,
  documentObject,
  imageObject,
  locationObject,
  reactionObject,
  replyContext,
  stickerObject,
  textObject,
  videoObject,
} from './message-objects';
import { templateObject } from './template-message-objects';

/**
 * The union of every message type, each variant strict and carrying `extra` keys besides
 * `type` and its object. Our public send API uses it with its own keys (`to`, `contactId`…).
 */
export function messageSchemaWith<S extends z.ZodRawShape>(extra: S) {
  return z.discriminatedUnion('type', [
    z.strictObject({ ...extra, type: z.literal('text'), text: textObject }),
    z.strictObject({ ...extra, type: z.literal('image'), image: imageObject }),
    z.strictObject({ ...extra, type: z.literal('audio'), audio: audioObject }),
    z.strictObject({ ...extra, type: z.literal('video'), video: videoObject }),
    z.strictObject({ ...extra, type: z.literal('document'), document: documentObject }),
    z.strictObject({ ...extra, type: z.literal('sticker'), sticker: stickerObject }),
    z.strictObject({ ...extra, type: z.literal('location'), location: locationObject }),
    z.strictObject({ ...extra, type: z.literal('contacts'), contacts: contactsArray }),
    z.strictObject({ ...extra, type: z.literal('interactive'), interactive: interactiveObject }),
    z.strictObject({ ...extra, type: z.literal('reaction'), reaction: reactionObject }),
    z.strictObject({ ...extra, type: z.literal('template'), template: templateObject }),
  ]);
}

/** `type` and its object alone. */
export const messageContent = messageSchemaWith({});

export const outboundMessage = messageSchemaWith({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.enum(['individual', 'group']).optional(),
  /** A phone number (`+`, spaces, `-`, `()` allowed), a group id, or a business-scoped user id. */
  to: z.string().min(1),
  context: replyContext.optional(),
  /** Echoed back in this message's status webhooks; we put our message id here. */
  biz_opaque_callback_data: z.string().min(1).max(512).optional(),
}).refine((message) => message.type !== 'reaction' || message.context === undefined, {
  message: 'a reaction cannot be a contextual reply',
  path: ['context'],
});

export type MessageContent = z.infer<typeof messageContent>;
export type MessageType = MessageContent['type'];
export type OutboundMessage = z.infer<typeof outboundMessage>;
