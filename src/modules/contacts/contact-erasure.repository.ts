import { sql } from 'kysely';
import type { TenantTx } from '../../platform/db';

// What export and erasure of one person read and delete in the contacts tables.

export async function identitiesOf(tx: TenantTx, workspaceId: string, contactId: string): Promise<{ kind: string; token: string; created_at: Date }[]> {
  const { rows } = await sql<{ kind: string; token: string; created_at: Date }>`
    select kind, token, created_at from contact_identities where workspace_id = ${workspaceId} and contact_id = ${contactId} order by created_at, kind`.execute(tx);
  return rows;
}

/** Deletes the contact's rows; returns how many of each were deleted. */
export async function deleteContactRows(tx: TenantTx, workspaceId: string, contactId: string): Promise<Record<'contacts' | 'identities' | 'consentEntries' | 'importMemberships', number>> {
  const count = async (query: Promise<{ numAffectedRows?: bigint }>) => Number((await query).numAffectedRows ?? 0);
  const consentEntries = await count(sql`delete from consent_entries where workspace_id = ${workspaceId} and contact_id = ${contactId}`.execute(tx));
  const identities = await count(sql`delete from contact_identities where workspace_id = ${workspaceId} and contact_id = ${contactId}`.execute(tx));
  const importMemberships = await count(sql`delete from contact_import_members where workspace_id = ${workspaceId} and contact_id = ${contactId}`.execute(tx));
  // The row holds the sealed name, phone, BSUID, username and attributes, and the search tokens.
  const contacts = await count(sql`delete from contacts where workspace_id = ${workspaceId} and id = ${contactId}`.execute(tx));
  return { contacts, identities, consentEntries, importMemberships };
}
