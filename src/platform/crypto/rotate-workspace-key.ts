import type { TenantTx } from '../db';
import { generateKey, unwrapKey, wrapKey } from './aes-gcm';
import { dataKeyContext, updateWrappedDataKeys } from './data-key-store';
import type { MasterKeys } from './master-key';
import type { TenantKeys } from './tenant-keys';
import { lockWorkspaceKeys, selectWorkspaceKeys, workspaceKeyContext } from './workspace-key-store';

const BATCH = 1000;

/**
 * Adds a workspace key version, re-wraps every data key under it (60-byte rows; the data they
 * protect is not touched) and retires the older versions, so a leaked old workspace key opens
 * nothing stored after the rotation. Runs in the caller's tenant transaction: all or nothing.
 */
export async function rotateWorkspaceKey(
  tx: TenantTx,
  workspaceId: string,
  masters: MasterKeys,
  keys: TenantKeys,
): Promise<{ version: number; rewrapped: number }> {
  await keys.ensure(tx, workspaceId);
  await lockWorkspaceKeys(tx, workspaceId, 'exclusive');
  const existing = await selectWorkspaceKeys(tx, workspaceId);
  const oldKeys = new Map(existing.map((row) => [row.version, keys.workspaceKey(workspaceId, row)]));
  const version = existing[0]!.version + 1;
  const newKey = generateKey();
  const { masterKeyId, wrapped } = masters.wrap(newKey, workspaceKeyContext(workspaceId, version));
  await tx.insertInto('crypto_workspace_keys').values({ workspace_id: workspaceId, version, master_key_id: masterKeyId, wrapped }).execute();

  let rewrapped = 0;
  let after = '';
  for (;;) {
    const batch = await tx
      .selectFrom('crypto_data_keys')
      .select(['id', 'workspace_key_version', 'wrapped'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (batch.length === 0) break;
    const rows = batch.map((row) => {
      const context = dataKeyContext(workspaceId, row.id);
      const dataKey = unwrapKey(oldKeys.get(row.workspace_key_version)!, row.wrapped, context);
      return { id: row.id, wrapped: wrapKey(newKey, dataKey, context) };
    });
    await updateWrappedDataKeys(tx, workspaceId, version, rows);
    rewrapped += rows.length;
    after = batch[batch.length - 1]!.id;
  }
  // The foreign key from data keys refuses this if any data key still used an old version.
  await tx.deleteFrom('crypto_workspace_keys').where('workspace_id', '=', workspaceId).where('version', '<', version).execute();
  return { version, rewrapped };
}
