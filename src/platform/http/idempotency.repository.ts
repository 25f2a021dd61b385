import { sql, type Selectable } from 'kysely';
import type { DB, TenantTx } from '../db';

export type IdempotencyRow = Selectable<DB['idempotency_keys']>;

/**
 * Claims the key for this request: a new key, one older than `expiredBefore` (kept 24 h), or one
 * left in flight by a request that died before `abandonedBefore`. Returns the row otherwise.
 */
export async function claimKey(tx: TenantTx, workspaceId: string, route: string, key: string, bodyHash: string, now: Date, expiredBefore: Date, abandonedBefore: Date): Promise<{ claimed: true } | { claimed: false; row: IdempotencyRow }> {
  const { rows } = await sql<{ key: string }>`
    insert into idempotency_keys (workspace_id, route, key, body_hash, created_at) values (${workspaceId}, ${route}, ${key}, ${bodyHash}, ${now})
    on conflict (workspace_id, route, key) do update set body_hash = excluded.body_hash, status_code = null, response = null, created_at = excluded.created_at
    where idempotency_keys.created_at < ${expiredBefore}
       or (idempotency_keys.status_code is null and idempotency_keys.created_at < ${abandonedBefore} and idempotency_keys.body_hash = excluded.body_hash)
    returning key`.execute(tx);
  if (rows.length) return { claimed: true };
  const row = await tx.selectFrom('idempotency_keys').selectAll().where('workspace_id', '=', workspaceId).where('route', '=', route).where('key', '=', key).executeTakeFirstOrThrow();
  return { claimed: false, row };
}

export async function completeKey(tx: TenantTx, workspaceId: string, route: string, key: string, statusCode: number, response: unknown): Promise<void> {
  await tx.updateTable('idempotency_keys').set({ status_code: statusCode, response: JSON.stringify(response) })
    .where('workspace_id', '=', workspaceId).where('route', '=', route).where('key', '=', key).execute();
}

export async function releaseKey(tx: TenantTx, workspaceId: string, route: string, key: string): Promise<void> {
  await tx.deleteFrom('idempotency_keys').where('workspace_id', '=', workspaceId).where('route', '=', route).where('key', '=', key).where('status_code', 'is', null).execute();
}
