/* eslint-disable @typescript-eslint/no-explicit-any */
// The loose shape of a Meta webhook envelope (reference §8–§10). Fields are read defensively:
// anything may be missing or of the wrong type, and nothing here throws.

export interface WebhookChange {
  field: string;
  value: Record<string, any>;
}

export interface WebhookEntry {
  id: string;
  changes: WebhookChange[];
}

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const asArray = (v: unknown): any[] => (Array.isArray(v) ? v : []);
export const asString = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** Entries with their changes; malformed parts are skipped. */
export function entriesOf(envelope: unknown): WebhookEntry[] {
  if (!isObject(envelope)) return [];
  return asArray(envelope.entry)
    .filter(isObject)
    .map((entry) => ({
      id: asString(entry.id) ?? '',
      changes: asArray(entry.changes)
        .filter((c) => isObject(c) && isObject(c.value))
        .map((c) => ({ field: asString(c.field) ?? '', value: c.value as Record<string, any> })),
    }));
}

/** Customer ids an envelope holds, to index it for erasure. */
export function customerIdsOf(entries: WebhookEntry[]): { waIds: Set<string>; bsuids: Set<string> } {
  const ids = { waIds: new Set<string>(), bsuids: new Set<string>() };
  for (const entry of entries) for (const { value } of entry.changes) addCustomerIdsOf(value, ids);
  return ids;
}

/** Customer ids one change's value holds (wa_ids and phone numbers; BSUIDs), added to `ids`. */
export function addCustomerIdsOf(value: Record<string, any>, ids: { waIds: Set<string>; bsuids: Set<string> }): void {
  const { waIds, bsuids } = ids;
  const add = (set: Set<string>, v: unknown) => {
    const s = asString(v);
    if (s) set.add(s);
  };
  for (const c of asArray(value.contacts)) {
    add(waIds, c?.wa_id);
    add(bsuids, c?.user_id);
  }
  for (const m of asArray(value.messages)) {
    add(waIds, m?.from);
    add(bsuids, m?.from_user_id);
    add(waIds, m?.system?.wa_id);
    add(bsuids, m?.system?.user_id);
  }
  for (const s of asArray(value.statuses)) {
    add(waIds, s?.recipient_id);
    add(bsuids, s?.recipient_user_id);
  }
  for (const p of asArray(value.user_preferences)) {
    add(waIds, p?.wa_id);
    add(bsuids, p?.user_id);
  }
  // Coexistence fields (WhatsApp Business app on the same number) name customers too.
  for (const e of asArray(value.message_echoes)) {
    add(waIds, e?.to);
    add(bsuids, e?.to_user_id);
  }
  for (const h of asArray(value.history)) {
    for (const thread of asArray(h?.threads)) {
      add(waIds, thread?.id);
      for (const m of asArray(thread?.messages)) add(waIds, m?.from);
    }
  }
  for (const s of asArray(value.state_sync)) add(waIds, s?.contact?.phone_number);
}
