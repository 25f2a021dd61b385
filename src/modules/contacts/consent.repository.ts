import type { Kysely } from 'kysely';
import type { TenantTx } from '../../platform/db';

export interface ConsentRow {
  workspace_id: string;
  contact_id: string;
  purpose: string;
  seq: number;
  granted: boolean;
  source: string;
  reference: string | null;
  at: Date;
  prev_hash: string;
  hash: string;
}

const db = (tx: TenantTx) => tx as unknown as Kysely<{ consent_entries: ConsentRow }>;

export function lastConsentEntry(tx: TenantTx, workspaceId: string, contactId: string, purpose: string): Promise<ConsentRow | undefined> {
  return db(tx)
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
  await db(tx).insertInto('consent_entries').values(row).execute();
}

export function listConsentEntries(tx: TenantTx, workspaceId: string, contactId: string): Promise<ConsentRow[]> {
  return db(tx).selectFrom('consent_entries').selectAll().where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).orderBy('purpose').orderBy('seq').execute();
}

export async function hasConsentReference(tx: TenantTx, workspaceId: string, contactId: string, purpose: string, reference: string): Promise<boolean> {
  const row = await db(tx)
    .selectFrom('consent_entries')
    .select('seq')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('purpose', '=', purpose)
    .where('reference', '=', reference)
    .executeTakeFirst();
  return Boolean(row);
}

/** The entry a message (or webhook) wrote, and the one before it on the same chain. */
export async function consentEntryWithPrevious(tx: TenantTx, workspaceId: string, contactId: string, purpose: string, reference: string): Promise<{ entry: ConsentRow; previous: ConsentRow | undefined } | null> {
  const base = () => db(tx).selectFrom('consent_entries').selectAll().where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).where('purpose', '=', purpose);
  const entry = await base().where('reference', '=', reference).orderBy('seq').limit(1).executeTakeFirst();
  if (!entry) return null;
  return { entry, previous: await base().where('seq', '=', entry.seq - 1).executeTakeFirst() };
}
