import { sql, type Insertable, type Updateable } from 'kysely';
import type { DB, TenantTx } from '../../platform/db';
import type { FeedPosition } from '../../platform/events';
import type { Cursor } from '../../platform/http';

/** Creates the workspace's fan-out cursor at `position` unless it exists. */
export async function ensureCursor(tx: TenantTx, workspaceId: string, position: FeedPosition) {
  await sql`insert into webhook_cursors (workspace_id, tx_id, event_id) values (${workspaceId}, ${position.txId}::xid8, ${position.id}) on conflict (workspace_id) do nothing`.execute(tx);
}

/** Locks the cursor; undefined when another consumer holds it (or none exists yet). */
export async function lockCursor(tx: TenantTx, workspaceId: string): Promise<FeedPosition | undefined> {
  const { rows } = await sql<{ tx_id: string; event_id: number }>`select tx_id::text as tx_id, event_id from webhook_cursors where workspace_id = ${workspaceId} for update skip locked`.execute(tx);
  return rows[0] ? { txId: rows[0].tx_id, id: rows[0].event_id } : undefined;
}

export async function saveCursor(tx: TenantTx, workspaceId: string, position: FeedPosition, at: Date) {
  await sql`update webhook_cursors set tx_id = ${position.txId}::xid8, event_id = ${position.id}, updated_at = ${at} where workspace_id = ${workspaceId}`.execute(tx);
}

/** Inserts deliveries; a (subscription, event) pair that already has one is skipped. Returns the new ids. */
export async function insertDeliveries(tx: TenantTx, rows: Insertable<DB['webhook_deliveries']>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await tx
    .insertInto('webhook_deliveries')
    .values(rows)
    .onConflict((oc) => oc.columns(['workspace_id', 'subscription_id', 'event_id']).doNothing())
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

export function findDelivery(tx: TenantTx, workspaceId: string, id: string) {
  return tx.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** Records an attempt's outcome, only if no other runner recorded this attempt first. */
export async function recordAttempt(tx: TenantTx, workspaceId: string, id: string, expectedAttempts: number, patch: Updateable<DB['webhook_deliveries']>): Promise<boolean> {
  const result = await tx
    .updateTable('webhook_deliveries')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('attempts', '=', expectedAttempts)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A subscription's delivery log, newest first. */
export function listDeliveries(tx: TenantTx, workspaceId: string, subscriptionId: string, limit: number, after?: Cursor) {
  let query = tx.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId).where('subscription_id', '=', subscriptionId);
  if (after) query = query.where((eb) => eb.or([eb('created_at', '<', new Date(after.at)), eb.and([eb('created_at', '=', new Date(after.at)), eb('id', '<', after.id)])]));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
}
