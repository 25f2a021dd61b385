import { newId, type TenantTx } from '../../platform/db';
import { storeUploadedMedia } from '../inbox';
import type { Actor } from '../privacy';
import type { OutboundDeps } from './deps';
import type { MediaKind } from './media-kinds';

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
export async function uploadMedia(deps: OutboundDeps, tx: TenantTx, workspaceId: string, actor: Actor, file: { bytes: Buffer; sha256: string; kind: MediaKind; mimeType: string }): Promise<UploadedMedia> {
  const id = newId(deps.clock.now().getTime());
  await storeUploadedMedia(deps, tx, workspaceId, { id, bytes: file.bytes, mimeType: file.mimeType, sha256: file.sha256 });
  await deps.audit.record(tx, workspaceId, actor, { action: 'media.upload', target: { type: 'media', id }, details: { mimeType: file.mimeType, size: file.bytes.length } });
  return { id, type: file.kind, mimeType: file.mimeType, size: file.bytes.length };
}
