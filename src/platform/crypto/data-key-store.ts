import { sql } from 'kysely';
import type { TenantTx } from '../db';

/** Who a data key belongs to: a contact, or a workspace-level owner such as `{type: 'workspace', id}` for notes. */
export interface KeyOwner {
  type: string;
  id: string;
}

export interface DataKeyRow {
  wrapped: Buffer;
  workspace_key_version: number;
  workspace_master_key_id: string;
  workspace_wrapped: Buffer;
}

export function dataKeyContext(workspaceId: string, keyId: string): string {
  return `data:${workspaceId}:${keyId}`;
}

export async function insertDataKeys(
  tx: TenantTx,
  workspaceId: string,
  rows: { id: string; owner: KeyOwner; version: number; wrapped: Buffer }[],
): Promise<void> {
  // Chunks keep each statement under PostgreSQL's 65,535 bound parameters (6 per row).
  for (let i = 0; i < rows.length; i += 5_000) {
    await tx
      .insertInto('crypto_data_keys')
      .values(
        rows.slice(i, i + 5_000).map((row) => ({
          workspace_id: workspaceId,
          id: row.id,
          owner_type: row.owner.type,
          owner_id: row.owner.id,
          workspace_key_version: row.version,
          wrapped: row.wrapped,
        })),
      )
      .execute();
  }
}

const dataKeysWithWrappers = (tx: TenantTx, workspaceId: string) =>
  tx
    .selectFrom('crypto_data_keys as d')
    .innerJoin('crypto_workspace_keys as w', (join) =>
      join.onRef('w.workspace_id', '=', 'd.workspace_id').onRef('w.version', '=', 'd.workspace_key_version'),
    )
    .select(['d.id', 'd.wrapped', 'd.workspace_key_version', 'w.master_key_id as workspace_master_key_id', 'w.wrapped as workspace_wrapped'])
    .where('d.workspace_id', '=', workspaceId);

/** The data key with the workspace key that wraps it: one round trip on a cache miss. */
export async function selectDataKey(tx: TenantTx, workspaceId: string, keyId: string): Promise<DataKeyRow | undefined> {
  return dataKeysWithWrappers(tx, workspaceId).where('d.id', '=', keyId).executeTakeFirst();
}

export async function selectDataKeys(tx: TenantTx, workspaceId: string, keyIds: string[]): Promise<(DataKeyRow & { id: string })[]> {
  return dataKeysWithWrappers(tx, workspaceId).where('d.id', 'in', keyIds).execute();
}

export async function selectLatestOwnerKeyId(tx: TenantTx, workspaceId: string, owner: KeyOwner): Promise<string | undefined> {
  const row = await tx
    .selectFrom('crypto_data_keys')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

export async function deleteOwnerKeys(tx: TenantTx, workspaceId: string, owner: KeyOwner): Promise<string[]> {
  const rows = await tx
    .deleteFrom('crypto_data_keys')
    .where('workspace_id', '=', workspaceId)
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function updateOwner(tx: TenantTx, workspaceId: string, from: KeyOwner, to: KeyOwner): Promise<number> {
  const result = await tx
    .updateTable('crypto_data_keys')
    .set({ owner_type: to.type, owner_id: to.id })
    .where('workspace_id', '=', workspaceId)
    .where('owner_type', '=', from.type)
    .where('owner_id', '=', from.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Re-wraps a batch of data keys under a new workspace key version in one statement. */
export async function updateWrappedDataKeys(
  tx: TenantTx,
  workspaceId: string,
  version: number,
  rows: { id: string; wrapped: Buffer }[],
): Promise<void> {
  const values = sql.join(rows.map((row) => sql`(${row.id}::text, ${row.wrapped}::bytea)`));
  await sql`
    update crypto_data_keys d set wrapped = v.wrapped, workspace_key_version = ${version}
    from (values ${values}) as v (id, wrapped)
    where d.workspace_id = ${workspaceId} and d.id = v.id`.execute(tx);
}
