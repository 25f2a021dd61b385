import { z } from 'zod';
import { readReceipt, typingIndicator } from './build-status-update';
import type { GraphHttp } from './graph-http';
import { InvalidMessageError } from './invalid-message-error';
import { outboundMessage, type OutboundMessage } from './outbound-message';

const atLeastOne = <T extends z.ZodType>(item: T) => z.tuple([item], item);

const sendResponse = z.object({
  contacts: atLeastOne(z.object({ input: z.string(), wa_id: z.string().optional(), user_id: z.string().optional() })),
  messages: atLeastOne(z.object({ id: z.string().min(1), message_status: z.string().optional() })),
});

const successResponse = z.object({ success: z.literal(true) });

export interface SendResult {
  wamid: string;
  /** The canonical WhatsApp id, which may differ from `input` (Brazil, Mexico); null when sent to a business-scoped user id. */
  waId: string | null;
  /** `to` as Meta echoed it. */
  input: string;
  /** The business-scoped user id, when Meta returns one. */
  userId?: string;
  /** Only for paced templates: `accepted`, or `held_for_quality_assessment` (not sent yet; may be dropped with 132015). */
  messageStatus?: string;
}

/**
 * Sends one message. A 200 only means Meta accepted it; delivery (or an asynchronous failure
 * such as 131047) arrives later in status webhooks. The body goes out exactly as given, after
 * checking it against Meta's message format so an invalid one never costs a request.
 */
export async function sendMessage(http: GraphHttp, phoneNumberId: string, message: OutboundMessage): Promise<SendResult> {
  const path = `/${phoneNumberId}/messages`;
  const check = outboundMessage.safeParse(message);
  if (!check.success) {
    const issues = check.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new InvalidMessageError(issues, 'POST', path);
  }
  const response = await http.call({ method: 'POST', path, json: message, schema: sendResponse });
  const [contact] = response.contacts;
  const [sent] = response.messages;
  return {
    wamid: sent.id,
    waId: contact.wa_id ? contact.wa_id : null,
    input: contact.input,
    ...(contact.user_id ? { userId: contact.user_id } : {}),
    ...(sent.message_status ? { messageStatus: sent.message_status } : {}),
  };
}

export async function markAsRead(http: GraphHttp, phoneNumberId: string, inboundWamid: string): Promise<void> {
  await http.call({ method: 'POST', path: `/${phoneNumberId}/messages`, json: readReceipt(inboundWamid), schema: successResponse });
}

export async function sendTypingIndicator(http: GraphHttp, phoneNumberId: string, inboundWamid: string): Promise<void> {
  await http.call({ method: 'POST', path: `/${phoneNumberId}/messages`, json: typingIndicator(inboundWamid), schema: successResponse });
}
