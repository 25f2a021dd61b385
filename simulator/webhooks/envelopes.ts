// Builds the JSON envelopes Meta posts: `messages`-field batches (metadata per number,
// one change for inbound messages with their senders' contacts, one for statuses) and the
// other fields (no metadata, `entry[].time`, `object` after `entry`).

export interface MessagesUpdate {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  kind: 'message' | 'status';
  /** For inbound messages: the sender's `value.contacts[]` entry (absent for system messages). */
  contact?: Record<string, unknown>;
  item: Record<string, unknown>;
}

interface NumberGroup {
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts: Record<string, unknown>[];
  contactKeys: Set<string>;
  messages: Record<string, unknown>[];
  statuses: Record<string, unknown>[];
}

export function buildMessagesEnvelope(updates: MessagesUpdate[]): Record<string, unknown> {
  const byWaba = new Map<string, Map<string, NumberGroup>>();
  for (const u of updates) {
    let numbers = byWaba.get(u.wabaId);
    if (!numbers) byWaba.set(u.wabaId, (numbers = new Map()));
    let group = numbers.get(u.phoneNumberId);
    if (!group) {
      group = {
        metadata: { display_phone_number: u.displayPhoneNumber, phone_number_id: u.phoneNumberId },
        contacts: [],
        contactKeys: new Set(),
        messages: [],
        statuses: [],
      };
      numbers.set(u.phoneNumberId, group);
    }
    if (u.kind === 'status') {
      group.statuses.push(u.item);
      continue;
    }
    group.messages.push(u.item);
    if (u.contact) {
      // Several messages of one sender share one contact entry, as Meta batches them.
      const key = JSON.stringify([u.contact.wa_id, u.contact.user_id]);
      if (!group.contactKeys.has(key)) {
        group.contactKeys.add(key);
        group.contacts.push(u.contact);
      }
    }
  }
  const entry = [...byWaba].map(([wabaId, numbers]) => ({ id: wabaId, changes: [...numbers.values()].flatMap(changesOf) }));
  return { object: 'whatsapp_business_account', entry };
}

function changesOf(g: NumberGroup): Record<string, unknown>[] {
  const changes: Record<string, unknown>[] = [];
  if (g.messages.length > 0) {
    const value: Record<string, unknown> = { messaging_product: 'whatsapp', metadata: g.metadata };
    if (g.contacts.length > 0) value.contacts = g.contacts;
    value.messages = g.messages;
    changes.push({ value, field: 'messages' });
  }
  if (g.statuses.length > 0) {
    changes.push({ value: { messaging_product: 'whatsapp', metadata: g.metadata, statuses: g.statuses }, field: 'messages' });
  }
  return changes;
}

/** Account-level fields: `time` on the entry and `object` last, as in Meta's examples. */
export function buildFieldEnvelope(wabaId: string, timeSec: number, field: string, value: unknown): Record<string, unknown> {
  return { entry: [{ id: wabaId, time: timeSec, changes: [{ value, field }] }], object: 'whatsapp_business_account' };
}

/** Number-scoped fields other than message batches (user_preferences, calls, ...): metadata added when absent. */
export function buildNumberFieldEnvelope(
  wabaId: string,
  metadata: { display_phone_number: string; phone_number_id: string },
  field: string,
  value: Record<string, unknown>,
): Record<string, unknown> {
  const full = { messaging_product: 'whatsapp', metadata, ...value };
  return { object: 'whatsapp_business_account', entry: [{ id: wabaId, changes: [{ value: full, field }] }] };
}
