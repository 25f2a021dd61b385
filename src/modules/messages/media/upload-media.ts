import { newId, type TenantTx } from '../../../platform/db';
import { storeUploadedMedia } from './uploaded-media';
import type { Actor } from '../../privacy';
import type { MessagesDeps } from '../deps';
import type { MediaKind } from './media-kinds';
import type { SpooledFile } from './spool-upload';

export interface UploadedMedia {
  id: string;
  type: MediaKind;
  mimeType: string;
  size: number;
}

/**
 * Stores a checked file for sending (sealed, like every medium) and audits the upload. Meta gets
 * the file only when a send names it, on the number that sends it.
 */
export async function uploadMedia(deps: MessagesDeps, tx: TenantTx, workspaceId: string, actor: Actor, file: { spooled: SpooledFile; kind: MediaKind; mimeType: string }): Promise<UploadedMedia> {
  const id = newId(deps.clock.now().getTime());
  const { size } = await storeUploadedMedia(deps, tx, workspaceId, { id, content: file.spooled.read(), mimeType: file.mimeType, sha256: file.spooled.sha256 });
  await deps.audit.record(tx, workspaceId, actor, { action: 'media.upload', target: { type: 'media', id }, details: { mimeType: file.mimeType, size } });
  return { id, type: file.kind, mimeType: file.mimeType, size };
}
