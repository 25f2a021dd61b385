import type { Insertable } from 'kysely';
import type { DB, TenantTx } from '../../platform/db';

export async function insertPreview(tx: TenantTx, row: Omit<Insertable<DB['google_contact_previews']>, 'created_at'>) {
  await tx.insertInto('google_contact_previews').values(row).execute();
}

export function findPreview(tx: TenantTx, workspaceId: string, id: string, now: Date) {
  return tx.selectFrom('google_contact_previews').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
}

/** Deletes previews (one, or every expired one) and returns their ids, for their keys to be shredded. */
export async function deletePreviews(tx: TenantTx, workspaceId: string, which: { id: string } | { expiredAt: Date }): Promise<string[]> {
  let query = tx.deleteFrom('google_contact_previews').where('workspace_id', '=', workspaceId);
  query = 'id' in which ? query.where('id', '=', which.id) : query.where('expires_at', '<=', which.expiredAt);
  return (await query.returning('id').execute()).map((r) => r.id);
}
