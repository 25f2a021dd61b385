import { sql, type Insertable, type Selectable } from 'kysely';
import { refreshStatistics, type AnyDb, type DB, type TenantTx } from '../../platform/db';

// The sealed columns (profile_name, phone, bsuid, username, attributes) hold ciphertext; `search_tokens`
// (blind tokens of name words and phone digits) is null until a contact older than search is indexed.
export type ContactRow = Selectable<DB['contacts']>;

export type IdentityKind = DB['contact_identities']['kind'];

export async function findIdentities(tx: TenantTx, workspaceId: string, tokens: string[]): Promise<{ kind: IdentityKind; token: string; contact_id: string }[]> {
  if (!tokens.length) return [];
  return tx.selectFrom('contact_identities').select(['kind', 'token', 'contact_id']).where('workspace_id', '=', workspaceId).where('token', 'in', tokens).execute();
}

export type NewContactRow = Insertable<DB['contacts']>;

export async function insertContacts(tx: TenantTx, rows: NewContactRow[]): Promise<void> {
  if (rows.length) await tx.insertInto('contacts').values(rows).execute();
}

export async function insertIdentities(tx: TenantTx, workspaceId: string, rows: { kind: IdentityKind; token: string; contactId: string }[]): Promise<void> {
  if (!rows.length) return;
  await tx
    .insertInto('contact_identities')
    .values(rows.map((r) => ({ workspace_id: workspaceId, kind: r.kind, token: r.token, contact_id: r.contactId })))
    .onConflict((oc) => oc.columns(['workspace_id', 'kind', 'token']).doNothing())
    .execute();
}

export function findContacts(tx: TenantTx, workspaceId: string, ids: string[]): Promise<ContactRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return tx.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

export async function updateContactFields(tx: TenantTx, workspaceId: string, id: string, set: Partial<Pick<ContactRow, 'profile_name' | 'phone' | 'bsuid' | 'username' | 'attributes' | 'tags' | 'search_tokens'>>, at: Date): Promise<void> {
  await tx.updateTable('contacts').set({ ...set, updated_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function listContacts(tx: TenantTx, workspaceId: string, opts: { limit: number; before?: string; tag?: string; search?: { ids: string[]; tokens: string[] } }): Promise<ContactRow[]> {
  let q = tx.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId);
  if (opts.before) q = q.where('id', '<', opts.before);
  if (opts.tag) q = q.where(sql<boolean>`${opts.tag} = any(tags)`);
  // A search matches a contact holding every query token, or one of the exact identity matches.
  if (opts.search) {
    const { ids, tokens } = opts.search;
    const byTokens = tokens.length ? sql`search_tokens @> ${tokens}::text[]` : sql`false`;
    q = q.where(sql<boolean>`(${byTokens} or id = any(${ids}::text[]))`);
  }
  return q.orderBy('id', 'desc').limit(opts.limit).execute();
}

export async function identityKindsOf(tx: TenantTx, workspaceId: string, contactId: string): Promise<IdentityKind[]> {
  const rows = await tx.selectFrom('contact_identities').select('kind').where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).execute();
  return rows.map((r) => r.kind);
}

/** Contacts not indexed for search yet (created before search existed), a page at a time. */
export function unindexedContacts(tx: TenantTx, workspaceId: string, limit: number): Promise<ContactRow[]> {
  return tx.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('search_tokens', 'is', null).orderBy('id').limit(limit).execute();
}

/** Workspaces holding contacts not indexed for search yet: the backfill's scan, before any tenant is known. */
export async function unsafeWorkspacesWithUnindexedContacts(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ workspace_id: string }>`select distinct workspace_id from contacts where search_tokens is null`.execute(db);
  return rows.map((r) => r.workspace_id);
}

/** Fresh planner statistics for the tables a campaign reads per recipient (see refreshStatistics). */
export const analyzeAudienceTables = (db: AnyDb) => refreshStatistics(db, ['contacts', 'contact_identities', 'consent_entries']);
