import type { TenantTx } from '../../platform/db';
import type { LabelRow } from './tables';

/** Labels by name; `after` is the last name of the previous page. */
export function listLabels(tx: TenantTx, workspaceId: string, page: { after?: string; limit: number }): Promise<LabelRow[]> {
  let q = tx.selectFrom('labels').selectAll().where('workspace_id', '=', workspaceId);
  if (page.after !== undefined) q = q.where('name', '>', page.after);
  return q.orderBy('name').limit(page.limit).execute();
}

export function findLabel(tx: TenantTx, workspaceId: string, id: string): Promise<LabelRow | undefined> {
  return tx.selectFrom('labels').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** The names among `names` that are labels of the workspace, share-locked so a concurrent delete waits. */
export async function existingLabelNames(tx: TenantTx, workspaceId: string, names: string[]): Promise<Set<string>> {
  if (!names.length) return new Set();
  const rows = await tx.selectFrom('labels').select('name').where('workspace_id', '=', workspaceId).where('name', 'in', names).forShare().execute();
  return new Set(rows.map((r) => r.name));
}

/** Inserts a label; false when the name is taken (no exception, so the transaction stays usable). */
export async function insertLabel(tx: TenantTx, row: Omit<LabelRow, 'updated_at'>): Promise<boolean> {
  const inserted = await tx.insertInto('labels').values({ ...row, updated_at: row.created_at }).onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing()).returning('id').execute();
  return inserted.length > 0;
}

/** Updates a label; false when the new name is another label's. */
export async function updateLabel(tx: TenantTx, workspaceId: string, id: string, set: { name?: string; color?: string }, at: Date): Promise<boolean> {
  if (set.name !== undefined) {
    const taken = await tx.selectFrom('labels').select('id').where('workspace_id', '=', workspaceId).where('name', '=', set.name).where('id', '<>', id).executeTakeFirst();
    if (taken) return false;
  }
  await tx.updateTable('labels').set({ ...set, updated_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  return true;
}

export async function deleteLabel(tx: TenantTx, workspaceId: string, id: string): Promise<void> {
  await tx.deleteFrom('labels').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
