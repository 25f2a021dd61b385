import { createHash } from 'node:crypto';
import type { TenantTx } from '../../platform/db';
import { publishEvent, publishEvents } from '../../platform/events';
import { consentEntriesOf, hasConsentReference, insertConsentEntries, insertConsentEntry, lastConsentEntry, type ConsentRow } from './consent.repository';

export type ConsentSource = 'keyword' | 'meta_user_preferences' | 'api' | 'import';

const GENESIS = '0'.repeat(64);

export function consentHash(prevHash: string, e: Pick<ConsentRow, 'contact_id' | 'purpose' | 'seq' | 'granted' | 'source' | 'reference' | 'at'>): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, e.contact_id, e.purpose, e.seq, e.granted, e.source, e.reference, e.at.toISOString()]))
    .digest('hex');
}

/**
 * Appends to the consent ledger (hash-chained per contact and purpose). An entry whose reference
 * (the message or webhook it came from) is already in the ledger is not repeated, so a redelivered STOP writes once.
 * Returns the entry written, or null.
 */
export async function recordConsent(
  tx: TenantTx,
  workspaceId: string,
  entry: { contactId: string; purpose: string; granted: boolean; source: ConsentSource; reference?: string; at: Date },
): Promise<ConsentRow | null> {
  const last = await lastConsentEntry(tx, workspaceId, entry.contactId, entry.purpose);
  if (entry.reference && (await hasConsentReference(tx, workspaceId, entry.contactId, entry.purpose, entry.reference))) return null;
  const seq = (last?.seq ?? 0) + 1;
  const row = { workspace_id: workspaceId, contact_id: entry.contactId, purpose: entry.purpose, seq, granted: entry.granted, source: entry.source, reference: entry.reference ?? null, at: entry.at };
  const stored = { ...row, prev_hash: last?.hash ?? GENESIS, hash: consentHash(last?.hash ?? GENESIS, row) };
  await insertConsentEntry(tx, stored);
  if (!last || last.granted !== entry.granted) {
    await publishEvent(tx, workspaceId, entry.granted ? 'contact.opted_in' : 'contact.opted_out', { contactId: entry.contactId, purpose: entry.purpose });
  }
  return stored;
}

/**
 * The batch form for imports: one read and one insert for many contacts (one entry each). Writes
 * only changes (an entry equal to the contact's current state adds nothing) and never repeats a
 * reference. Two writers appending to one contact at once collide on the (contact, purpose, seq)
 * key, so the chain cannot fork: the loser's transaction fails and its job retries.
 */
export async function recordConsentChanges(
  tx: TenantTx,
  workspaceId: string,
  purpose: string,
  entries: { contactId: string; granted: boolean; source: ConsentSource; reference: string; at: Date }[],
): Promise<number> {
  const byContact = new Map<string, ConsentRow[]>();
  for (const row of await consentEntriesOf(tx, workspaceId, entries.map((e) => e.contactId), purpose)) byContact.set(row.contact_id, [...(byContact.get(row.contact_id) ?? []), row]);
  const rows: ConsentRow[] = [];
  for (const e of entries) {
    const chain = byContact.get(e.contactId) ?? [];
    const last = chain[chain.length - 1];
    if (last?.granted === e.granted || chain.some((r) => r.reference === e.reference)) continue;
    const row = { workspace_id: workspaceId, contact_id: e.contactId, purpose, seq: (last?.seq ?? 0) + 1, granted: e.granted, source: e.source, reference: e.reference, at: e.at };
    const stored = { ...row, prev_hash: last?.hash ?? GENESIS, hash: consentHash(last?.hash ?? GENESIS, row) };
    rows.push(stored);
    byContact.set(e.contactId, [...chain, stored]);
  }
  await insertConsentEntries(tx, rows);
  await publishEvents(tx, workspaceId, rows.map((r) => ({ type: r.granted ? ('contact.opted_in' as const) : ('contact.opted_out' as const), data: { contactId: r.contact_id, purpose } })));
  return rows.length;
}

/** Whether the chain of entries is intact (each hash recomputes, each links to its predecessor). */
export function verifyConsentChain(rows: ConsentRow[]): boolean {
  let prev = GENESIS;
  let seq = 0;
  let key = '';
  for (const r of rows) {
    if (`${r.contact_id}/${r.purpose}` !== key) {
      key = `${r.contact_id}/${r.purpose}`;
      prev = GENESIS;
      seq = 0;
    }
    if (r.seq !== seq + 1 || r.prev_hash !== prev || consentHash(prev, r) !== r.hash) return false;
    prev = r.hash;
    seq = r.seq;
  }
  return true;
}
