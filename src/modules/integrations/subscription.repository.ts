import { sql, type Insertable } from 'kysely';
import type { AnyDb, DB, TenantTx } from '../../platform/db';
import type { Cursor } from '../../platform/http';
import type { SubscriptionChanges } from './tables';

export async function insertSubscription(tx: TenantTx, row: Insertable<DB['webhook_subscriptions']> & { created_at: Date }) {
  await tx.insertInto('webhook_subscriptions').values({ ...row, updated_at: row.created_at }).execute();
}

export function findSubscription(tx: TenantTx, workspaceId: string, id: string, options: { forUpdate?: boolean } = {}) {
  let query = tx.selectFrom('webhook_subscriptions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Newest first, keyset-paginated by (created_at, id). */
export function listSubscriptions(tx: TenantTx, workspaceId: string, limit: number, after?: Cursor) {
  let query = tx.selectFrom('webhook_subscriptions').selectAll().where('workspace_id', '=', workspaceId);
  if (after) query = query.where((eb) => eb.or([eb('created_at', '<', new Date(after.at)), eb.and([eb('created_at', '=', new Date(after.at)), eb('id', '<', after.id)])]));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
}

export function listEnabledSubscriptions(tx: TenantTx, workspaceId: string) {
  return tx.selectFrom('webhook_subscriptions').selectAll().where('workspace_id', '=', workspaceId).where('enabled', '=', true).execute();
}

export async function updateSubscription(tx: TenantTx, workspaceId: string, id: string, patch: Omit<SubscriptionChanges, 'workspace_id' | 'id' | 'created_at'>) {
  await tx.updateTable('webhook_subscriptions').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function deleteSubscription(tx: TenantTx, workspaceId: string, id: string) {
  await tx.deleteFrom('webhook_subscriptions').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** The fan-out visits only workspaces with something to deliver to, before any tenant is chosen. */
export async function unsafeWorkspacesWithEnabledSubscriptions(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ workspace_id: string }>`select distinct workspace_id from webhook_subscriptions where enabled`.execute(db);
  return rows.map((r) => r.workspace_id);
}
