import type { Keyring } from '../../../platform/crypto';
import type { TenantTx } from '../../../platform/db';
import { findMedia, insertStoredMedia } from './media.repository';
import type { MediaStorage } from './media-storage';
import { openStoredMedia, sealIntoStorage } from './stored-media';

type MediaDeps = { keyring: Keyring; storage: MediaStorage };

/**
 * Stores a file a member uploaded to send: a workspace-owned medium tied to no message or
 * contact, sealed under a data key of its own (shredding that key erases it). The content is
 * streamed into storage, never held whole in memory.
 */
export async function storeUploadedMedia(deps: MediaDeps, tx: TenantTx, workspaceId: string, media: { id: string; content: AsyncIterable<Buffer>; mimeType: string; sha256: string }): Promise<{ size: number }> {
  const keyId = await deps.keyring.createDataKey(tx, workspaceId, { type: 'media', id: media.id });
  const storageKey = `${workspaceId}/${media.id}`;
  const size = await sealIntoStorage(deps, tx, workspaceId, keyId, storageKey, media.content);
  await insertStoredMedia(tx, {
    workspace_id: workspaceId, id: media.id, message_id: null, contact_id: null, channel_id: null, meta_media_id: null,
    mime_type: media.mimeType, sha256: media.sha256, size_bytes: size, storage_key: storageKey,
  });
  return { size };
}

export type MediaForSend = { bytes: Buffer; mimeType: string } | 'not_found' | 'not_ready';

/** A workspace medium's bytes for uploading to Meta (an upload of ours or a customer's stored file). */
export async function readMediaForSend(deps: MediaDeps, tx: TenantTx, workspaceId: string, id: string): Promise<MediaForSend> {
  const media = await findMedia(tx, workspaceId, id);
  if (!media || media.status === 'failed') return 'not_found';
  if (media.status !== 'stored') return 'not_ready';
  const bytes = await openStoredMedia(deps, tx, workspaceId, media);
  return bytes ? { bytes, mimeType: media.mime_type ?? 'application/octet-stream' } : 'not_found';
}
