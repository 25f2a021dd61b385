import { sql, type Kysely } from 'kysely';
import type { TenantTx } from '../../platform/db';

export interface ContactRow {
  workspace_id: string;
  id: string;
  key_id: string;
  profile_name: Buffer | null;
  phone: Buffer | null;
  attributes: Buffer | null;
  tags: string[];
  created_at: Date;
  updated_at: Date;
}

export type IdentityKind = 'bsuid' | 'wa_id' | 'phone';

interface ContactTables {
  contacts: ContactRow;
  contact_identities: { workspace_id: string; kind: IdentityKind; token: string; contact_id: string; created_at: Date };
}

const cdb = (tx: TenantTx) => tx as unknown as Kysely<ContactTables>;

export async function findIdentities(tx: TenantTx, workspaceId: string, tokens: string[]): Promise<{ kind: IdentityKind; token: string; contact_id: string }[]> {
  if (!tokens.length) return [];
  return cdb(tx).selectFrom('contact_identities').select(['kind', 'token', 'contact_id']).where('workspace_id', '=', workspaceId).where('token', 'in', tokens).execute();
}

export async function insertContacts(tx: TenantTx, rows: Omit<ContactRow, 'created_at' | 'updated_at' | 'attributes' | 'tags'>[]): Promise<void> {
  if (rows.length) await cdb(tx).insertInto('contacts').values(rows as never).execute();
}

export async function insertIdentities(tx: TenantTx, workspaceId: string, rows: { kind: IdentityKind; token: string; contactId: string }[]): Promise<void> {
  if (!rows.length) return;
  await cdb(tx)
    .insertInto('contact_identities')
    .values(rows.map((r) => ({ workspace_id: workspaceId, kind: r.kind, token: r.token, contact_id: r.contactId })) as never)
    .onConflict((oc) => oc.columns(['workspace_id', 'kind', 'token']).doNothing())
    .execute();
}

export function findContacts(tx: TenantTx, workspaceId: string, ids: string[]): Promise<ContactRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return cdb(tx).selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

export async function updateContactFields(tx: TenantTx, workspaceId: string, id: string, set: Partial<Pick<ContactRow, 'profile_name' | 'phone' | 'attributes' | 'tags'>>, at: Date): Promise<void> {
  await cdb(tx).updateTable('contacts').set({ ...set, updated_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function listContacts(tx: TenantTx, workspaceId: string, opts: { limit: number; before?: string; tag?: string; ids?: string[] }): Promise<ContactRow[]> {
  let q = cdb(tx).selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId);
  if (opts.before) q = q.where('id', '<', opts.before);
  if (opts.tag) q = q.where(sql<boolean>`${opts.tag} = any(tags)`);
  if (opts.ids) q = opts.ids.length ? q.where('id', 'in', opts.ids) : q.where(sql<boolean>`false`);
  return q.orderBy('id', 'desc').limit(opts.limit).execute();
}

export async function identityKindsOf(tx: TenantTx, workspaceId: string, contactId: string): Promise<IdentityKind[]> {
  const rows = await cdb(tx).selectFrom('contact_identities').select('kind').where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).execute();
  return rows.map((r) => r.kind);
}
