import { createHash } from 'node:crypto';
import type { TenantTx } from '../../platform/db';
import { publishEvent, publishEvents } from '../../platform/events';
import { consentEntriesOf, insertConsentEntries, insertConsentEntry, lastConsentEntry, type ConsentRow } from './consent.repository';
import { consentWithdrawnByCustomer, overridesWithdrawal, standingWithdrawal, type ConsentProof } from './customer-withdrawal';

export type ConsentSource = 'keyword' | 'meta_user_preferences' | 'api' | 'import';

const GENESIS = '0'.repeat(64);

type Hashed = Pick<ConsentRow, 'contact_id' | 'purpose' | 'seq' | 'granted' | 'source' | 'reference' | 'at' | 'proof_collected_at' | 'proof_method' | 'proof_reference'>;

export function consentHash(prevHash: string, e: Hashed): string {
  const fields: unknown[] = [prevHash, e.contact_id, e.purpose, e.seq, e.granted, e.source, e.reference, e.at.toISOString()];
  // Entries from before proofs existed hash exactly as they did.
  if (e.proof_collected_at) fields.push(e.proof_collected_at.toISOString(), e.proof_method, e.proof_reference);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

interface NewEntry {
  contactId: string;
  granted: boolean;
  source: ConsentSource;
  reference?: string;
  at: Date;
  proof?: ConsentProof;
}

function chained(workspaceId: string, purpose: string, last: ConsentRow | undefined, e: NewEntry): ConsentRow {
  const row = {
    workspace_id: workspaceId, contact_id: e.contactId, purpose, seq: (last?.seq ?? 0) + 1, granted: e.granted, source: e.source, reference: e.reference ?? null, at: e.at,
    proof_collected_at: e.proof?.collectedAt ?? null, proof_method: e.proof?.method ?? null, proof_reference: e.proof?.reference ?? null,
  };
  return { ...row, prev_hash: last?.hash ?? GENESIS, hash: consentHash(last?.hash ?? GENESIS, row) };
}

/**
 * Appends to the consent ledger (hash-chained per contact and purpose): the one place consent is
 * written, by customers' keywords, Meta's webhooks, imports and the API alike. An entry whose
 * reference (the message or webhook it came from) is already in the ledger is not repeated, so a
 * redelivered STOP writes once. A business's grant over the customer's own standing withdrawal is
 * refused (409 consent_withdrawn_by_customer) unless its proof postdates the withdrawal.
 * Returns the entry written, or null.
 */
export async function recordConsent(tx: TenantTx, workspaceId: string, entry: NewEntry & { purpose: string }): Promise<ConsentRow | null> {
  // Locks the chain's head first: concurrent writers to one contact take turns.
  const last = await lastConsentEntry(tx, workspaceId, entry.contactId, entry.purpose);
  const chain = last ? await consentEntriesOf(tx, workspaceId, [entry.contactId], entry.purpose) : [];
  if (entry.reference && chain.some((r) => r.reference === entry.reference)) return null;
  const withdrawal = standingWithdrawal(chain);
  if (overridesWithdrawal(withdrawal, entry)) throw consentWithdrawnByCustomer(withdrawal!);
  const stored = chained(workspaceId, entry.purpose, last, entry);
  await insertConsentEntry(tx, stored);
  if (!last || last.granted !== entry.granted) {
    await publishEvent(tx, workspaceId, entry.granted ? 'contact.opted_in' : 'contact.opted_out', { contactId: entry.contactId, purpose: entry.purpose });
  }
  return stored;
}

/**
 * The batch form for imports: one read and one insert for many contacts (one entry each). Writes
 * only changes (an entry equal to the contact's current state adds nothing), never repeats a
 * reference, and keeps out a grant over the customer's own standing withdrawal, returning it
 * instead (the import reports it on the row's line). Two writers appending to one contact at once
 * collide on the (contact, purpose, seq) key, so the chain cannot fork: the loser's transaction
 * fails and its job retries.
 */
export async function recordConsentChanges(
  tx: TenantTx,
  workspaceId: string,
  purpose: string,
  entries: (NewEntry & { reference: string })[],
): Promise<{ written: number; keptWithdrawn: { contactId: string; withdrawal: ConsentRow }[] }> {
  const byContact = new Map<string, ConsentRow[]>();
  for (const row of await consentEntriesOf(tx, workspaceId, entries.map((e) => e.contactId), purpose)) byContact.set(row.contact_id, [...(byContact.get(row.contact_id) ?? []), row]);
  const rows: ConsentRow[] = [];
  const keptWithdrawn: { contactId: string; withdrawal: ConsentRow }[] = [];
  for (const e of entries) {
    const chain = byContact.get(e.contactId) ?? [];
    const last = chain[chain.length - 1];
    if (last?.granted === e.granted || chain.some((r) => r.reference === e.reference)) continue;
    const withdrawal = standingWithdrawal(chain);
    if (overridesWithdrawal(withdrawal, e)) {
      keptWithdrawn.push({ contactId: e.contactId, withdrawal: withdrawal! });
      continue;
    }
    const stored = chained(workspaceId, purpose, last, e);
    rows.push(stored);
    byContact.set(e.contactId, [...chain, stored]);
  }
  await insertConsentEntries(tx, rows);
  await publishEvents(tx, workspaceId, rows.map((r) => ({ type: r.granted ? ('contact.opted_in' as const) : ('contact.opted_out' as const), data: { contactId: r.contact_id, purpose } })));
  return { written: rows.length, keptWithdrawn };
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
