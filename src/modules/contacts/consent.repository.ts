import type { Selectable } from 'kysely';
import type { DB, TenantTx } from '../../platform/db';

export type ConsentRow = Selectable<DB['consent_entries']>;

export function lastConsentEntry(tx: TenantTx, workspaceId: string, contactId: string, purpose: string): Promise<ConsentRow | undefined> {
  return tx
    .selectFrom('consent_entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('purpose', '=', purpose)
    .orderBy('seq', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertConsentEntry(tx: TenantTx, row: ConsentRow): Promise<void> {
  await tx.insertInto('consent_entries').values(row).execute();
}

export function listConsentEntries(tx: TenantTx, workspaceId: string, contactId: string): Promise<ConsentRow[]> {
  return tx.selectFrom('consent_entries').selectAll().where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).orderBy('purpose').orderBy('seq').execute();
}

/** The entry a message (or webhook) wrote, and the one before it on the same chain. */
export async function consentEntryWithPrevious(tx: TenantTx, workspaceId: string, contactId: string, purpose: string, reference: string): Promise<{ entry: ConsentRow; previous: ConsentRow | undefined } | null> {
  const base = () => tx.selectFrom('consent_entries').selectAll().where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).where('purpose', '=', purpose);
  const entry = await base().where('reference', '=', reference).orderBy('seq').limit(1).executeTakeFirst();
  if (!entry) return null;
  return { entry, previous: await base().where('seq', '=', entry.seq - 1).executeTakeFirst() };
}

/** Every entry of `purpose` for these contacts, oldest first per contact (a batch's chain heads and references). */
export function consentEntriesOf(tx: TenantTx, workspaceId: string, contactIds: string[], purpose: string): Promise<ConsentRow[]> {
  if (!contactIds.length) return Promise.resolve([]);
  return tx.selectFrom('consent_entries').selectAll().where('workspace_id', '=', workspaceId).where('purpose', '=', purpose).where('contact_id', 'in', contactIds).orderBy('contact_id').orderBy('seq').execute();
}

export async function insertConsentEntries(tx: TenantTx, rows: ConsentRow[]): Promise<void> {
  if (rows.length) await tx.insertInto('consent_entries').values(rows).execute();
}
