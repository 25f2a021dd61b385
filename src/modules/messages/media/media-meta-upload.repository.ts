import type { Insertable } from 'kysely';
import type { DB, TenantTx } from '../../../platform/db';

/** Meta's id of a medium on a phone number, if it stays valid until `validUntil`. */
export async function findMetaUpload(tx: TenantTx, workspaceId: string, mediaId: string, phoneNumberId: string, validUntil: Date): Promise<string | undefined> {
  const row = await tx.selectFrom('media_meta_uploads').select('meta_media_id')
    .where('workspace_id', '=', workspaceId).where('media_id', '=', mediaId).where('phone_number_id', '=', phoneNumberId).where('expires_at', '>', validUntil)
    .executeTakeFirst();
  return row?.meta_media_id;
}

/**
 * Records an upload. A row another process wrote meanwhile is kept while it is still valid at
 * `validUntil` (both ids work; the first one stays); an expiring one is replaced.
 */
export async function saveMetaUpload(tx: TenantTx, row: Insertable<DB['media_meta_uploads']>, validUntil: Date): Promise<void> {
  await tx.insertInto('media_meta_uploads').values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'media_id', 'phone_number_id'])
      .doUpdateSet((eb) => ({ meta_media_id: eb.ref('excluded.meta_media_id'), uploaded_at: eb.ref('excluded.uploaded_at'), expires_at: eb.ref('excluded.expires_at') }))
      .where('media_meta_uploads.expires_at', '<=', validUntil))
    .execute();
}
