import { z } from 'zod';
import { messageSchemaWith, replyContext } from '../../channels';

/**
 * The public send request: Meta's message object (type + its object, `context`) unchanged, plus
 * our own `to` | `contactId` and `channelId`.
 */
export const sendMessageBody = messageSchemaWith({
  to: z.string().min(1).max(200).optional(),
  contactId: z.string().min(1).max(100).optional(),
  channelId: z.string().min(1).max(100).optional(),
  context: replyContext.optional(),
})
  .refine((b) => (b.to === undefined) !== (b.contactId === undefined), { message: 'give exactly one of to and contactId', path: ['to'] })
  .refine((b) => b.type !== 'reaction' || b.context === undefined, { message: 'a reaction cannot be a contextual reply', path: ['context'] });

export type SendMessageBody = z.infer<typeof sendMessageBody>;

export const sendAccepted = z.object({ id: z.string(), status: z.literal('queued'), conversationId: z.string(), contactId: z.string() });
export type SendAccepted = z.infer<typeof sendAccepted>;
