import type { Kysely } from 'kysely';
import type { TenantTx } from '../../../platform/db';
import type { ConsentRow } from '../consent.repository';

/** Contacts whose latest marketing ledger entry grants consent (no entry means no consent). */
export async function marketingConsentOf(tx: TenantTx, workspaceId: string, contactIds: string[]): Promise<Set<string>> {
  if (!contactIds.length) return new Set();
  const rows = await (tx as unknown as Kysely<{ consent_entries: ConsentRow }>)
    .selectFrom('consent_entries')
    .select(['contact_id', 'granted', 'seq'])
    .where('workspace_id', '=', workspaceId)
    .where('purpose', '=', 'marketing')
    .where('contact_id', 'in', contactIds)
    .orderBy('contact_id')
    .orderBy('seq', 'desc')
    .execute();
  const latest = new Map<string, boolean>();
  for (const r of rows) if (!latest.has(r.contact_id)) latest.set(r.contact_id, r.granted);
  return new Set([...latest].filter(([, granted]) => granted).map(([id]) => id));
}
