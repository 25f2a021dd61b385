import type { Selectable } from 'kysely';
import type { DB, TenantTx } from '../../platform/db';

export type KeywordReplyRow = Selectable<DB['keyword_replies']>;

export async function insertKeywordReply(tx: TenantTx, row: KeywordReplyRow): Promise<void> {
  await tx.insertInto('keyword_replies').values(row).execute();
}

export function findKeywordReply(tx: TenantTx, workspaceId: string, id: string): Promise<KeywordReplyRow | undefined> {
  return tx.selectFrom('keyword_replies').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** Newest first, paged by id. */
export function listKeywordReplies(tx: TenantTx, workspaceId: string, f: { before?: string; limit: number }): Promise<KeywordReplyRow[]> {
  let q = tx.selectFrom('keyword_replies').selectAll().where('workspace_id', '=', workspaceId);
  if (f.before) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

/** The enabled rules, oldest first (the first rule that matches answers). */
export function enabledKeywordReplies(tx: TenantTx, workspaceId: string): Promise<KeywordReplyRow[]> {
  return tx.selectFrom('keyword_replies').selectAll().where('workspace_id', '=', workspaceId).where('enabled', '=', true).orderBy('id').execute();
}

export async function hasEnabledKeywordReplies(tx: TenantTx, workspaceId: string): Promise<boolean> {
  return Boolean(await tx.selectFrom('keyword_replies').select('id').where('workspace_id', '=', workspaceId).where('enabled', '=', true).limit(1).executeTakeFirst());
}

export async function updateKeywordReply(tx: TenantTx, workspaceId: string, id: string, set: Partial<Pick<KeywordReplyRow, 'keywords' | 'match_type' | 'reply_text' | 'enabled'>>, at: Date): Promise<void> {
  await tx.updateTable('keyword_replies').set({ ...set, updated_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function deleteKeywordReply(tx: TenantTx, workspaceId: string, id: string): Promise<boolean> {
  const rows = await tx.deleteFrom('keyword_replies').where('workspace_id', '=', workspaceId).where('id', '=', id).returning('id').execute();
  return rows.length === 1;
}
