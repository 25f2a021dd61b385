import { sql } from 'kysely';
import type { TenantTx } from '../../platform/db';
import type { CannedResponseRow } from './tables';

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** By shortcut; `q` matches shortcut or text, case-insensitively; `after` is the last shortcut of the previous page. */
export function listCannedResponses(tx: TenantTx, workspaceId: string, f: { q?: string; after?: string; limit: number }): Promise<CannedResponseRow[]> {
  let q = tx.selectFrom('canned_responses').selectAll().where('workspace_id', '=', workspaceId);
  if (f.q) {
    const pattern = likePattern(f.q);
    q = q.where(sql<boolean>`(shortcut ilike ${pattern} or text ilike ${pattern})`);
  }
  if (f.after !== undefined) q = q.where('shortcut', '>', f.after);
  return q.orderBy('shortcut').limit(f.limit).execute();
}

export function findCannedResponse(tx: TenantTx, workspaceId: string, id: string): Promise<CannedResponseRow | undefined> {
  return tx.selectFrom('canned_responses').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** False when the shortcut is taken. */
export async function insertCannedResponse(tx: TenantTx, row: CannedResponseRow): Promise<boolean> {
  const inserted = await tx.insertInto('canned_responses').values(row).onConflict((oc) => oc.columns(['workspace_id', 'shortcut']).doNothing()).returning('id').execute();
  return inserted.length > 0;
}

/** False when the new shortcut is another response's. */
export async function updateCannedResponse(tx: TenantTx, workspaceId: string, id: string, set: { shortcut?: string; text?: string }, at: Date): Promise<boolean> {
  if (set.shortcut !== undefined) {
    const taken = await tx.selectFrom('canned_responses').select('id').where('workspace_id', '=', workspaceId).where('shortcut', '=', set.shortcut).where('id', '<>', id).executeTakeFirst();
    if (taken) return false;
  }
  await tx.updateTable('canned_responses').set({ ...set, updated_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  return true;
}

export async function deleteCannedResponse(tx: TenantTx, workspaceId: string, id: string): Promise<void> {
  await tx.deleteFrom('canned_responses').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
