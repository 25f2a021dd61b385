import type { TenantTx } from '../../platform/db';
import type { Role } from './permissions';

export async function insertApiKey(
  tx: TenantTx,
  workspaceId: string,
  key: { id: string; name: string; role: Role; keyHash: string; prefix: string; createdBy: string | null },
) {
  await tx
    .insertInto('api_keys')
    .values({ workspace_id: workspaceId, id: key.id, name: key.name, role: key.role, key_hash: key.keyHash, prefix: key.prefix, created_by: key.createdBy })
    .execute();
}

export function findActiveApiKeyByHash(tx: TenantTx, workspaceId: string, keyHash: string) {
  return tx
    .selectFrom('api_keys')
    .select(['id', 'role', 'last_used_at'])
    .where('workspace_id', '=', workspaceId)
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** A page of keys, newest first (ids are time-ordered), before the key `before` (at most `limit` rows). */
export function listApiKeys(tx: TenantTx, workspaceId: string, page: { before?: string; limit: number }) {
  let q = tx
    .selectFrom('api_keys')
    .select(['id', 'name', 'role', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('workspace_id', '=', workspaceId);
  if (page.before) q = q.where('id', '<', page.before);
  return q.orderBy('id', 'desc').limit(page.limit).execute();
}

export async function revokeApiKey(tx: TenantTx, workspaceId: string, id: string, at: Date): Promise<boolean> {
  const result = await tx
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function touchApiKey(tx: TenantTx, workspaceId: string, id: string, at: Date) {
  await tx.updateTable('api_keys').set({ last_used_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
