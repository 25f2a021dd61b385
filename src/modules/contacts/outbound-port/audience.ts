import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/db';
import { findContacts } from '../contact.repository';
import { ATTRIBUTES_CONTEXT } from '../contact-view';
import type { ContactsDeps } from '../deps';
import { NAME_CONTEXT, PHONE_CONTEXT } from '../resolve-contacts';

/** Ids of the contacts an audience names (ids of this workspace only, or any of the tags), by id, after `after`. */
export async function audienceContactIds(tx: TenantTx, workspaceId: string, audience: { contactIds?: string[]; tags?: string[] }, after: string, limit: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select id from contacts where workspace_id = ${workspaceId} and id > ${after}
      and ${audience.contactIds ? sql`id = any(${audience.contactIds}::text[])` : sql`tags && ${audience.tags ?? []}::text[]`}
    order by id limit ${limit}`.execute(tx);
  return rows.map((r) => r.id);
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
  for (const r of await findContacts(tx, workspaceId, contactIds)) {
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
