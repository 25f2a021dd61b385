/** Bodies that mark an inbound message read, optionally showing "typing…" (reference §3). */

export interface ReadReceipt {
  messaging_product: 'whatsapp';
  status: 'read';
  message_id: string;
}

export interface TypingIndicator extends ReadReceipt {
  typing_indicator: { type: 'text' };
}

/** Marks the message, and every earlier one in the chat, as read (blue ticks). */
export function readReceipt(inboundWamid: string): ReadReceipt {
  return { messaging_product: 'whatsapp', status: 'read', message_id: inboundWamid };
}

/** Also marks as read; WhatsApp hides the indicator when we answer or after 25 seconds. */
export function typingIndicator(inboundWamid: string): TypingIndicator {
  return { ...readReceipt(inboundWamid), typing_indicator: { type: 'text' } };
}
