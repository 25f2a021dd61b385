import type { Insertable } from 'kysely';
import type { DB, TenantTx } from '../../../platform/db';
import type { MediaRow } from '../tables';

type NewMedia = Insertable<DB['media']>;

export async function insertMedia(tx: TenantTx, rows: Omit<NewMedia, 'size_bytes' | 'storage_key'>[]): Promise<void> {
  if (rows.length) await tx.insertInto('media').values(rows).execute();
}

/** A medium whose bytes are already stored (an upload): the row is written complete. */
export async function insertStoredMedia(tx: TenantTx, row: Omit<NewMedia, 'status'>): Promise<void> {
  await tx.insertInto('media').values({ ...row, status: 'stored' }).execute();
}

export function findMedia(tx: TenantTx, workspaceId: string, id: string): Promise<MediaRow | undefined> {
  return tx.selectFrom('media').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export function mediaOfMessages(tx: TenantTx, workspaceId: string, messageIds: string[]) {
  if (!messageIds.length) return Promise.resolve([]);
  return tx.selectFrom('media').select(['id', 'message_id', 'status']).where('workspace_id', '=', workspaceId).where('message_id', 'in', messageIds).execute();
}

export async function markMediaStored(tx: TenantTx, workspaceId: string, id: string, set: { storage_key: string; size_bytes: number; mime_type: string | null }, at: Date): Promise<void> {
  await tx.updateTable('media').set({ ...set, status: 'stored', updated_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** The MIME type (null while unknown) of each of `ids` that is a medium of the workspace. */
export async function mediaTypesOf(tx: TenantTx, workspaceId: string, ids: string[]): Promise<Map<string, string | null>> {
  if (!ids.length) return new Map();
  const rows = await tx.selectFrom('media').select(['id', 'mime_type']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.mime_type]));
}
