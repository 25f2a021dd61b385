import type { Keyring } from '../../platform/crypto';
import type { TenantTx } from '../../platform/db';
import { MEDIA_CONTEXT } from './deps';
import type { InboxTables } from './tables';
import type { MediaStorage } from './media-storage';

/** The stored bytes of a medium row, decrypted; null when its file is gone. */
export async function openStoredMedia(deps: { keyring: Keyring; storage: MediaStorage }, tx: TenantTx, workspaceId: string, media: InboxTables['media']): Promise<Buffer | null> {
  if (!media.storage_key) return null;
  const sealed = await deps.storage.get(media.storage_key);
  return sealed ? deps.keyring.decrypt(tx, workspaceId, sealed, MEDIA_CONTEXT) : null;
}
