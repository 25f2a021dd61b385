import type { Kysely } from 'kysely';
import type { TenantTx } from '../../../platform/db';
import type { MessagesTables } from '../tables';

const idb = (tx: TenantTx) => tx as unknown as Kysely<MessagesTables>;
export type AmendmentRow = Omit<MessagesTables['message_amendments'], 'created_at'>;

/** Stores edits and revokes; a redelivered one (same wamid) is skipped. Returns the target wamids of those inserted. */
export async function insertAmendments(tx: TenantTx, rows: AmendmentRow[]): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = await idb(tx).insertInto('message_amendments').values(rows).onConflict((oc) => oc.columns(['workspace_id', 'wamid']).doNothing()).returning('target_wamid').execute();
  return [...new Set(inserted.map((r) => r.target_wamid))];
}

export function amendmentsOf(tx: TenantTx, workspaceId: string, targetWamids: string[]): Promise<AmendmentRow[]> {
  if (!targetWamids.length) return Promise.resolve([]);
  return idb(tx).selectFrom('message_amendments').selectAll().where('workspace_id', '=', workspaceId).where('target_wamid', 'in', targetWamids).orderBy('amended_at').orderBy('wamid').execute();
}

/** A revoke erases the content of every edit of its message (the rows stay, so redeliveries stay no-ops). */
export async function eraseAmendmentContent(tx: TenantTx, workspaceId: string, targetWamid: string): Promise<void> {
  await idb(tx).updateTable('message_amendments').set({ content: null }).where('workspace_id', '=', workspaceId).where('target_wamid', '=', targetWamid).where('content', 'is not', null).execute();
}
