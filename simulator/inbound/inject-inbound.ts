// A simulated customer sends a message: it opens or resets the 24 h customer-service
// window (system notices do not), shows on the customer's phone, and goes out as a signed
// `messages` webhook.
import type { EngineState } from '../engine/engine-state';
import type { BusinessNumber } from '../engine/numbers';
import { customerKey, recordCustomerMessage, type Customer } from '../engine/customers';
import { SimError } from '../engine/sim-error';
import { inboundWamid } from '../engine/wamid';
import { buildMessagesEnvelope, type MessagesUpdate } from '../webhooks/envelopes';
import { buildInboundMessage, senderContact } from './build-message';
import { inboundSchema, type InboundInput, type ParsedInbound } from './inbound-schema';

export type { InboundInput } from './inbound-schema';

export function injectInbound(engine: EngineState, raw: InboundInput): { wamid: string } {
  const parsed = inboundSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new SimError(400, 'validation_failed', 'The inbound message is not valid.', { issues });
  }
  const input = parsed.data;
  const number = engine.requireNumber(input.phoneNumberId);
  const customer = resolveCustomer(number, input);
  const timestampSec = input.timestamp !== undefined ? Number(input.timestamp) : engine.clock.nowSeconds();
  const wamid = inboundWamid(engine.random, customer.waId || customer.userId || '0');
  const message = buildInboundMessage(engine, number, customer, input, wamid, timestampSec);

  if (input.type !== 'system') recordCustomerMessage(customer, timestampSec, input.referral?.source_type === 'ad' || input.referral?.source_type === 'post');
  updatePhone(number, customer, input, message, timestampSec);

  // System notices (number changes) come without value.contacts.
  const contact = input.type === 'system' ? undefined : senderContact(customer);
  if (input.signature === 'invalid') {
    const update: MessagesUpdate = { wabaId: number.wabaId, phoneNumberId: number.id, displayPhoneNumber: number.displayDigits, kind: 'message', item: message };
    if (contact) update.contact = contact;
    engine.webhooks.sendEnvelope(engine.destinationOf(number), buildMessagesEnvelope([update]), [number.id], 'not-the-app-secret');
  } else {
    engine.emitMessagesUpdate(number, 'message', message, contact);
  }
  if (input.type === 'system') applySystemChange(number, customer, input);
  return { wamid };
}

function resolveCustomer(number: BusinessNumber, input: ParsedInbound): Customer {
  const waId = input.from?.replace(/\D/g, '') ?? '';
  const existing = (waId && number.customers.find(waId)) || (input.fromUserId && number.customers.find(input.fromUserId)) || undefined;
  const customer = existing ?? number.customers.upsert({ waId, ...(input.fromUserId ? { userId: input.fromUserId } : {}), phoneHidden: !waId });
  if (input.profileName !== undefined) customer.name = input.profileName;
  if (input.username !== undefined) customer.username = input.username;
  if (input.fromUserId && !customer.userId) number.customers.changeUserId(customer, input.fromUserId);
  if (!customer.name) customer.name = waId ? `+${waId}` : 'WhatsApp user';
  return customer;
}

function updatePhone(number: BusinessNumber, customer: Customer, input: ParsedInbound, message: Record<string, unknown>, ts: number): void {
  const key = customerKey(customer);
  if (input.type === 'reaction') {
    number.chats.react(input.reaction!.message_id, 'customer', input.reaction!.emoji ?? '');
    return;
  }
  const contextId = input.context?.id ?? input.context?.message_id;
  number.chats.add(key, {
    wamid: message.id as string,
    from: 'customer',
    type: input.type,
    timestamp: ts,
    content: message[input.type] ?? null,
    ...(contextId ? { contextId } : {}),
  });
}

function applySystemChange(number: BusinessNumber, customer: Customer, input: ParsedInbound): void {
  const change = input.system!;
  if (change.type === 'user_changed_number' && change.newWaId) {
    const before = customerKey(customer);
    number.customers.changeWaId(customer, change.newWaId);
    number.chats.renameCustomer(before, customerKey(customer));
  } else if (change.type === 'user_changed_user_id' && change.newUserId) {
    number.customers.changeUserId(customer, change.newUserId);
  }
}
