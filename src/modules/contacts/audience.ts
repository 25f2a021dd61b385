import { sql } from 'kysely';
import type { TenantTx } from '../../platform/db';
import { findContacts } from './contact.repository';
import { findImport, type ImportStatus } from './import/import.repository';
import { ATTRIBUTES_CONTEXT } from './contact-view';
import type { ContactsDeps } from './deps';
import { NAME_CONTEXT, PHONE_CONTEXT } from './resolve-contacts';

/**
 * Ids of the contacts an audience names (ids of this workspace only, any of the tags, or the
 * contacts an import created or updated), by id, after `after`.
 */
export async function audienceContactIds(tx: TenantTx, workspaceId: string, audience: { contactIds?: string[]; tags?: string[]; importId?: string }, after: string, limit: number): Promise<string[]> {
  const which = audience.contactIds
    ? sql`id = any(${audience.contactIds}::text[])`
    : audience.importId
      ? sql`id in (select contact_id from contact_import_members where workspace_id = ${workspaceId} and import_id = ${audience.importId})`
      : sql`tags && ${audience.tags ?? []}::text[]`;
  const { rows } = await sql<{ id: string }>`
    select id from contacts where workspace_id = ${workspaceId} and id > ${after} and ${which}
    order by id limit ${limit}`.execute(tx);
  return rows.map((r) => r.id);
}

/** The status of an import of this workspace (undefined if it names none), for audiences by import. */
export async function importStatusOf(tx: TenantTx, workspaceId: string, importId: string): Promise<ImportStatus | undefined> {
  return (await findImport(tx, workspaceId, importId))?.status;
}

export interface AudienceMember {
  contactId: string;
  keyId: string;
  phone: string | null;
  name: string | null;
  attributes: Record<string, string>;
}

/** The fields a campaign fills per recipient, decrypted (in memory only). */
export async function audienceMembers(deps: ContactsDeps, tx: TenantTx, workspaceId: string, contactIds: string[]): Promise<AudienceMember[]> {
  const out: AudienceMember[] = [];
  const rows = await findContacts(tx, workspaceId, contactIds);
  await deps.keyring.preloadDataKeys(tx, workspaceId, rows.map((r) => r.key_id));
  for (const r of rows) {
    out.push({
      contactId: r.id,
      keyId: r.key_id,
      phone: r.phone ? await deps.keyring.decryptText(tx, workspaceId, r.phone, PHONE_CONTEXT) : null,
      name: r.profile_name ? await deps.keyring.decryptText(tx, workspaceId, r.profile_name, NAME_CONTEXT) : null,
      attributes: r.attributes ? await deps.keyring.decryptJson<Record<string, string>>(tx, workspaceId, r.attributes, ATTRIBUTES_CONTEXT) : {},
    });
  }
  return out;
}
