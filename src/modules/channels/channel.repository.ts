import type { Insertable } from 'kysely';
import type { AnyDb, DB, TenantTx } from '../../platform/db';
import type { ChannelRow } from './tables';

export async function insertChannel(tx: TenantTx, row: Insertable<DB['channels']>, verifyTokenHash: string) {
  await tx.insertInto('channels').values(row).execute();
  await tx
    .insertInto('channel_routes')
    .values({ phone_number_id: row.phone_number_id, waba_id: row.waba_id, workspace_id: row.workspace_id, channel_id: row.id, verify_token_hash: verifyTokenHash })
    .execute();
}

export function findChannel(tx: TenantTx, workspaceId: string, id: string) {
  return tx.selectFrom('channels').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** At most `limit` channels of the workspace, or the one named: id, WABA and throughput only (a send's channel). */
export function findSendChannels(tx: TenantTx, workspaceId: string, channelId: string | undefined, limit: number) {
  let q = tx.selectFrom('channels').select(['id', 'waba_id', 'throughput_mps']).where('workspace_id', '=', workspaceId);
  if (channelId) q = q.where('id', '=', channelId);
  return q.limit(limit).execute();
}

export function listChannels(tx: TenantTx, workspaceId: string) {
  return tx.selectFrom('channels').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'asc').execute();
}

export async function updateChannel(tx: TenantTx, workspaceId: string, id: string, patch: Partial<Pick<ChannelRow, 'throughput_mps' | 'secrets' | 'quality_rating' | 'messaging_limit' | 'display_phone_number'>>, at: Date) {
  await tx.updateTable('channels').set({ ...patch, updated_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function updateVerifyTokenHash(tx: TenantTx, workspaceId: string, channelId: string, verifyTokenHash: string) {
  await tx.updateTable('channel_routes').set({ verify_token_hash: verifyTokenHash }).where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId).execute();
}

export async function deleteChannel(tx: TenantTx, workspaceId: string, id: string) {
  await tx.deleteFrom('channel_routes').where('workspace_id', '=', workspaceId).where('channel_id', '=', id).execute();
  await tx.deleteFrom('channels').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** Ingress and connection checks: which workspace a phone number belongs to, before any tenant is known. */
export function unsafeFindRouteByPhoneNumberId(db: AnyDb, phoneNumberId: string) {
  return db.selectFrom('channel_routes').selectAll().where('phone_number_id', '=', phoneNumberId).executeTakeFirst();
}

/** The sandbox re-registers every sandbox number with its in-memory simulator at start. */
export function unsafeListSandboxChannels(db: AnyDb, workspaceId?: string) {
  let query = db.selectFrom('channels').select(['workspace_id', 'id']).where('sandbox', '=', true);
  if (workspaceId) query = query.where('workspace_id', '=', workspaceId);
  return query.execute();
}
