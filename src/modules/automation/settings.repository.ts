import type { TenantTx } from '../../platform/db';

export async function findSettingsRow(tx: TenantTx, workspaceId: string, forUpdate = false): Promise<Record<string, unknown> | null> {
  let q = tx.selectFrom('workspace_settings').select('settings').where('workspace_id', '=', workspaceId);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return (row?.settings as Record<string, unknown> | undefined) ?? null;
}

export async function saveSettingsRow(tx: TenantTx, workspaceId: string, settings: Record<string, unknown>, at: Date): Promise<void> {
  await tx.insertInto('workspace_settings').values({ workspace_id: workspaceId, settings: JSON.stringify(settings), updated_at: at })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ settings: JSON.stringify(settings), updated_at: at })).execute();
}
