import type { TenantTx } from '../../platform/db';
import { googleDb, type GoogleTables } from './tables';

type PreviewRow = GoogleTables['google_contact_previews'];

export async function insertPreview(tx: TenantTx, row: Omit<PreviewRow, 'created_at'>) {
  await googleDb(tx).insertInto('google_contact_previews').values(row).execute();
}

export function findPreview(tx: TenantTx, workspaceId: string, id: string, now: Date) {
  return googleDb(tx).selectFrom('google_contact_previews').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
}

/** Deletes previews (one, or every expired one) and returns their ids, for their keys to be shredded. */
export async function deletePreviews(tx: TenantTx, workspaceId: string, which: { id: string } | { expiredAt: Date }): Promise<string[]> {
  let query = googleDb(tx).deleteFrom('google_contact_previews').where('workspace_id', '=', workspaceId);
  query = 'id' in which ? query.where('id', '=', which.id) : query.where('expires_at', '<=', which.expiredAt);
  return (await query.returning('id').execute()).map((r) => r.id);
}
