import type { Insertable } from 'kysely';
import type { DB, TenantTx } from '../../../platform/db';
import type { AmendmentRow } from '../tables';

/** Stores edits and revokes; a redelivered one (same wamid) is skipped. Returns the target wamids of those inserted. */
export async function insertAmendments(tx: TenantTx, rows: Insertable<DB['message_amendments']>[]): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = await tx.insertInto('message_amendments').values(rows).onConflict((oc) => oc.columns(['workspace_id', 'wamid']).doNothing()).returning('target_wamid').execute();
  return [...new Set(inserted.map((r) => r.target_wamid))];
}

export function amendmentsOf(tx: TenantTx, workspaceId: string, targetWamids: string[]): Promise<AmendmentRow[]> {
  if (!targetWamids.length) return Promise.resolve([]);
  return tx.selectFrom('message_amendments').selectAll().where('workspace_id', '=', workspaceId).where('target_wamid', 'in', targetWamids).orderBy('amended_at').orderBy('wamid').execute();
}

/** A revoke erases the content of every edit of its message (the rows stay, so redeliveries stay no-ops). */
export async function eraseAmendmentContent(tx: TenantTx, workspaceId: string, targetWamid: string): Promise<void> {
  await tx.updateTable('message_amendments').set({ content: null }).where('workspace_id', '=', workspaceId).where('target_wamid', '=', targetWamid).where('content', 'is not', null).execute();
}
