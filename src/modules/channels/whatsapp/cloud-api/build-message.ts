/**
 * Pure builders of Meta's exact request JSON. Optional fields left undefined are omitted
 * rather than sent as `undefined`/`null`, so the body is byte-for-byte what Meta documents.
 */
import { definedOnly } from './defined-only';
import type { ReplyContext } from './message-objects';
import type { MessageContent, OutboundMessage } from './outbound-message';

export interface SendOptions {
  /** Quote an earlier message (not allowed on reactions). */
  context?: ReplyContext;
  /** Echoed back in the status webhooks of this message: our message id, so a lost answer still finds it. */
  biz_opaque_callback_data?: string;
  recipient_type?: 'individual' | 'group';
}

export function buildMessage(to: string, content: MessageContent, options: SendOptions = {}): OutboundMessage {
  return {
    messaging_product: 'whatsapp',
    ...definedOnly({ recipient_type: options.recipient_type }),
    to,
    ...definedOnly({ context: options.context, biz_opaque_callback_data: options.biz_opaque_callback_data }),
    ...content,
  };
}
