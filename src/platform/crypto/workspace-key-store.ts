import { sql } from 'kysely';
import type { TenantTx } from '../db';
import { generateKey } from './aes-gcm';
import type { MasterKeys } from './master-key';

export interface WrappedRow {
  master_key_id: string;
  wrapped: Buffer;
}

export interface WorkspaceKeyRow extends WrappedRow {
  version: number;
}

export function workspaceKeyContext(workspaceId: string, version: number): string {
  return `workspace:${workspaceId}:${version}`;
}

export function indexKeyContext(workspaceId: string): string {
  return `index:${workspaceId}`;
}

/**
 * Creates the workspace key (version 1) and the index secret unless they exist; true when this
 * call created either. Version 1 is inserted only if no version exists at all, because a rotation
 * retires it and it must not come back.
 */
export async function insertWorkspaceKeys(tx: TenantTx, workspaceId: string, masters: MasterKeys): Promise<boolean> {
  const key = masters.wrap(generateKey(), workspaceKeyContext(workspaceId, 1));
  const keyRows = await sql`
    insert into crypto_workspace_keys (workspace_id, version, master_key_id, wrapped)
    select ${workspaceId}::text, 1, ${key.masterKeyId}::text, ${key.wrapped}::bytea
    where not exists (select 1 from crypto_workspace_keys where workspace_id = ${workspaceId})
    on conflict do nothing
    returning version`.execute(tx);
  const index = masters.wrap(generateKey(), indexKeyContext(workspaceId));
  const indexRows = await tx
    .insertInto('crypto_index_keys')
    .values({ workspace_id: workspaceId, master_key_id: index.masterKeyId, wrapped: index.wrapped })
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .returning('workspace_id')
    .execute();
  return keyRows.rows.length + indexRows.length > 0;
}

/**
 * Creating a data key takes this lock shared and rotation takes it exclusive, so a data key is
 * never wrapped under a version that a concurrent rotation is about to retire.
 */
export async function lockWorkspaceKeys(tx: TenantTx, workspaceId: string, mode: 'shared' | 'exclusive'): Promise<void> {
  const lock = mode === 'shared' ? sql`pg_advisory_xact_lock_shared` : sql`pg_advisory_xact_lock`;
  await sql`select ${lock}(hashtext('whatgrow.crypto.workspace_keys'), hashtext(${workspaceId}))`.execute(tx);
}

export async function selectWorkspaceKeys(tx: TenantTx, workspaceId: string): Promise<WorkspaceKeyRow[]> {
  return tx
    .selectFrom('crypto_workspace_keys')
    .select(['version', 'master_key_id', 'wrapped'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('version', 'desc')
    .execute();
}

export async function selectIndexKey(tx: TenantTx, workspaceId: string): Promise<WrappedRow | undefined> {
  return tx.selectFrom('crypto_index_keys').select(['master_key_id', 'wrapped']).where('workspace_id', '=', workspaceId).executeTakeFirst();
}
