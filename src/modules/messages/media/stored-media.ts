import { randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Keyring } from '../../../platform/crypto';
import type { TenantTx } from '../../../platform/db';
import { MEDIA_CONTEXT } from '../deps';
import type { MediaRow } from '../tables';
import type { MediaStorage } from './media-storage';

type MediaDeps = { keyring: Keyring; storage: MediaStorage };

/** The stored bytes of a medium row, decrypted; null when its file is gone. */
export async function openStoredMedia(deps: MediaDeps, tx: TenantTx, workspaceId: string, media: MediaRow): Promise<Buffer | null> {
  if (!media.storage_key) return null;
  const sealed = await deps.storage.get(media.storage_key);
  return sealed ? deps.keyring.decrypt(tx, workspaceId, sealed, MEDIA_CONTEXT) : null;
}

/**
 * Seals a file that arrives in pieces into storage under `keyId`, in the format every medium has
 * (read back by openStoredMedia like the others), holding one piece in memory at a time: the
 * sealed bytes go to a scratch file whose tag is written in place at the end, then move into
 * storage. Returns the plaintext size.
 */
export async function sealIntoStorage(deps: MediaDeps, tx: TenantTx, workspaceId: string, keyId: string, storageKey: string, content: AsyncIterable<Buffer>): Promise<number> {
  const sealer = await deps.keyring.encryptStream(tx, workspaceId, keyId, MEDIA_CONTEXT);
  await mkdir(deps.storage.scratchDir, { recursive: true });
  const path = join(deps.storage.scratchDir, `${randomUUID()}.sealed`);
  const file = await open(path, 'wx', 0o600);
  let size = 0;
  try {
    await file.write(sealer.prefix);
    for await (const chunk of content) {
      size += chunk.length;
      await file.write(sealer.update(chunk));
    }
    const tag = sealer.final();
    await file.write(tag, 0, tag.length, sealer.tagOffset);
    await file.close();
    await deps.storage.putFile(storageKey, path);
    return size;
  } catch (error) {
    await file.close().catch(() => {});
    await rm(path, { force: true });
    throw error;
  }
}
