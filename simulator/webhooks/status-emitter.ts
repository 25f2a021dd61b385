// Emits the status webhooks of accepted sends: the planned sent/delivered/read/played
// sequence, or a `failed` status carrying Meta's error object. The customer's phone (chat
// store) follows the same events.
import type { EngineState } from '../engine/engine-state';
import type { BusinessNumber } from '../engine/numbers';
import type { Customer } from '../engine/customers';
import { errorSpec, ERROR_DOCS_HREF } from '../graph/error-catalogue';
import { conversationObject, pricingObject, type Billing } from './pricing';
import { planStatuses, type DeliveryStatus } from './status-plan';

export interface OutboundMessage {
  wamid: string;
  number: BusinessNumber;
  customer: Customer;
  bizOpaque?: string;
  billing: Billing;
  reaction: boolean;
  voice: boolean;
}

export function scheduleStatuses(engine: EngineState, msg: OutboundMessage, extraDelayMs = 0): void {
  const { random, options } = engine;
  const plan = planStatuses(random, options.variation, options.statusDelaysMs, msg);
  const startMs = engine.clock.nowMs() + extraDelayMs;
  for (const step of plan) {
    const occurredSec = Math.floor((startMs + step.occurredAfterMs) / 1000);
    engine.scheduler.schedule(extraDelayMs + step.emitAfterMs, () => emitStatus(engine, msg, step.status, occurredSec, step.billing));
  }
}

export function scheduleFailure(engine: EngineState, msg: OutboundMessage, code: number, details?: string, extraDelayMs = 0): void {
  engine.scheduler.schedule(extraDelayMs + engine.options.statusDelaysMs.sent, () => emitFailure(engine, msg, code, details));
}

/** Meta's error object inside statuses[].errors and messages[].errors. */
export function webhookError(code: number, details?: string): Record<string, unknown> {
  const spec = errorSpec(code);
  return { code, title: spec.title, message: spec.title, error_data: { details: details ?? spec.details }, href: ERROR_DOCS_HREF };
}

function statusBase(msg: OutboundMessage, status: string, timestampSec: number): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: msg.wamid,
    status,
    timestamp: String(timestampSec),
    recipient_id: msg.customer.phoneHidden ? '' : msg.customer.waId,
  };
  if (msg.customer.userId) item.recipient_user_id = msg.customer.userId;
  if (msg.bizOpaque !== undefined) item.biz_opaque_callback_data = msg.bizOpaque;
  return item;
}

function emitStatus(engine: EngineState, msg: OutboundMessage, status: DeliveryStatus, occurredSec: number, billing: boolean): void {
  msg.number.chats.setStatus(msg.wamid, status);
  if (!msg.number.statusWebhooks) return;
  const item = statusBase(msg, status, occurredSec);
  if (billing) {
    const conversation = conversationObject(msg.billing, msg.number.apiVersion, status === 'sent', () => engine.random.hex(32));
    if (conversation) item.conversation = conversation;
    item.pricing = pricingObject(msg.billing, occurredSec);
  }
  engine.emitMessagesUpdate(msg.number, 'status', item);
}

export function emitFailure(engine: EngineState, msg: OutboundMessage, code: number, details?: string): void {
  msg.number.chats.setStatus(msg.wamid, 'failed', code);
  // Failures are reported even with status webhooks off: they are errors the product must see.
  const item = statusBase(msg, 'failed', engine.clock.nowSeconds());
  item.errors = [webhookError(code, details)];
  engine.emitMessagesUpdate(msg.number, 'status', item);
}
