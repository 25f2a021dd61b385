// POST /_sim/webhooks: emits any webhook field with Meta's shapes. Number-scoped fields
// (messages, user_preferences, calls, ...) get messaging_product + metadata; account-level
// fields (template status/quality/category, phone_number_quality_update, account_update, ...)
// get `entry[].time`, no metadata, `object` last, and numeric template ids.
import type { EngineState } from '../engine/engine-state';
import type { BusinessNumber } from '../engine/numbers';
import { SimError } from '../engine/sim-error';
import { buildFieldEnvelope, buildNumberFieldEnvelope } from '../webhooks/envelopes';

export interface EmitWebhookInput {
  phoneNumberId?: string;
  wabaId?: string;
  field: string;
  value: Record<string, unknown>;
}

const NUMBER_SCOPED_FIELDS = new Set(['messages', 'user_preferences', 'calls', 'smb_message_echoes', 'smb_app_state_sync', 'history']);

export function emitWebhook(engine: EngineState, input: EmitWebhookInput): void {
  const numbers = input.phoneNumberId ? [engine.requireNumber(input.phoneNumberId)] : engine.numbers.inWaba(input.wabaId ?? '');
  const first = numbers[0];
  if (!first) throw new SimError(404, 'waba_not_found', `No registered number belongs to WABA ${input.wabaId}.`);
  if (NUMBER_SCOPED_FIELDS.has(input.field)) {
    const metadata = { display_phone_number: first.displayDigits, phone_number_id: first.id };
    const envelope = buildNumberFieldEnvelope(first.wabaId, metadata, input.field, input.value);
    engine.webhooks.sendEnvelope(engine.destinationOf(first), envelope, [first.id]);
    return;
  }
  const value = { ...input.value };
  if (input.field === 'phone_number_quality_update' && input.phoneNumberId && value.display_phone_number === undefined) {
    value.display_phone_number = first.displayDigits;
  }
  emitAccountField(engine, first.wabaId, input.field, value);
}

/** Sends an account-level field once to every distinct webhook destination of the WABA's numbers. */
export function emitAccountField(engine: EngineState, wabaId: string, field: string, value: Record<string, unknown>): void {
  const normalized = { ...value };
  if (typeof normalized.message_template_id === 'string' && /^\d+$/.test(normalized.message_template_id)) {
    normalized.message_template_id = Number(normalized.message_template_id);
  }
  const envelope = buildFieldEnvelope(wabaId, engine.clock.nowSeconds(), field, normalized);
  const byDestination = new Map<string, BusinessNumber[]>();
  for (const n of engine.numbers.inWaba(wabaId)) {
    const key = `${n.config.webhookUrl}\n${n.config.appSecret}`;
    byDestination.set(key, [...(byDestination.get(key) ?? []), n]);
  }
  for (const group of byDestination.values()) {
    engine.webhooks.sendEnvelope(engine.destinationOf(group[0]!), envelope, group.map((n) => n.id));
  }
}
