import { sql } from 'kysely';
import type { TenantTx } from '../../platform/db';

/**
 * Contacts whose latest marketing ledger entry grants consent (no entry means no consent). One
 * probe of the ledger's key per contact, whatever the planner believes about the workspace's size
 * (a list filter let it scan the workspace's whole ledger: 60,000 buffers per thousand contacts).
 */
export async function marketingConsentOf(tx: TenantTx, workspaceId: string, contactIds: string[]): Promise<Set<string>> {
  if (!contactIds.length) return new Set();
  const { rows } = await sql<{ contact_id: string }>`
    select k.contact_id from unnest(${contactIds}::text[]) as k(contact_id)
    where (select e.granted from consent_entries e
           where e.workspace_id = ${workspaceId} and e.contact_id = k.contact_id and e.purpose = 'marketing'
           order by e.seq desc limit 1)`.execute(tx);
  return new Set(rows.map((r) => r.contact_id));
}
