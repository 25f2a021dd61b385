import { withTenant } from '../../../platform/db';
import type { CloudApiClient, OutboundMessage } from '../../channels';
import { readMediaForSend } from './uploaded-media';
import type { MessagesDeps } from '../deps';
import { mediaTypeRule } from './media-kinds';
import { findMetaUpload, saveMetaUpload } from './media-meta-upload.repository';
import { ourMediaIdsOf, replaceMediaIds } from './media-references';
import { MediaUploadFailure } from './media-upload-failure';

const DAY_MS = 86_400_000;
/** Meta forgets an uploaded medium after 30 days. */
const META_MEDIA_TTL_MS = 30 * DAY_MS;
/** Re-upload a day early: a send that uses the id may still be retried hours later. */
const REUPLOAD_MARGIN_MS = DAY_MS;
/** Documents reach 100 MB: far more than the client's 20 s default for one request. */
const UPLOAD_TIMEOUT_MS = 120_000;

/** Uploads in progress in this process, so concurrent sends of one medium upload it once. */
const uploading = new Map<string, Promise<string>>();

/**
 * The request as Meta must get it: our media ids (UUIDs) become Meta's ids on the sending phone
 * number, uploading the stored file the first time and again shortly before Meta forgets it.
 * Requests without media of ours come back as they are, with no database round trip.
 * Throws MediaUploadFailure (the send's failure, retried when transient).
 */
export async function resolveOutboundMedia(deps: MessagesDeps, workspaceId: string, client: CloudApiClient, request: OutboundMessage): Promise<OutboundMessage> {
  const ours = ourMediaIdsOf(request);
  if (!ours.length) return request;
  const metaIds = new Map<string, string>();
  for (const id of ours) metaIds.set(id, await metaIdOnce(deps, workspaceId, client, id));
  return replaceMediaIds(request, metaIds);
}

function metaIdOnce(deps: MessagesDeps, workspaceId: string, client: CloudApiClient, mediaId: string): Promise<string> {
  const key = `${workspaceId}/${client.phoneNumberId}/${mediaId}`;
  let pending = uploading.get(key);
  if (!pending) {
    pending = metaIdFor(deps, workspaceId, client, mediaId).finally(() => uploading.delete(key));
    uploading.set(key, pending);
  }
  return pending;
}

async function metaIdFor(deps: MessagesDeps, workspaceId: string, client: CloudApiClient, mediaId: string): Promise<string> {
  const phoneNumberId = client.phoneNumberId;
  const validUntil = () => new Date(deps.clock.now().getTime() + REUPLOAD_MARGIN_MS);
  const found = await withTenant(deps.db, workspaceId, async (tx) => {
    const cached = await findMetaUpload(tx, workspaceId, mediaId, phoneNumberId, validUntil());
    return cached ? { cached } : readMediaForSend(deps, tx, workspaceId, mediaId);
  });
  if (found === 'not_found') throw new MediaUploadFailure('media_not_found', 'The medium was deleted or could not be stored; upload the file again and resend.', false);
  if (found === 'not_ready') throw new MediaUploadFailure('media_not_ready', 'The customer\'s file is still being downloaded from WhatsApp; the send is retried shortly.', true);
  if ('cached' in found) return found.cached;
  const extension = mediaTypeRule(found.mimeType)?.extension ?? 'bin';
  let metaMediaId: string;
  try {
    ({ id: metaMediaId } = await client.uploadMedia({ data: found.bytes, mimeType: found.mimeType, filename: `${mediaId}.${extension}` }, { timeoutMs: UPLOAD_TIMEOUT_MS }));
  } catch (error) {
    throw MediaUploadFailure.fromUpload(error);
  }
  const uploadedAt = deps.clock.now();
  await withTenant(deps.db, workspaceId, (tx) => saveMetaUpload(tx, {
    workspace_id: workspaceId, media_id: mediaId, phone_number_id: phoneNumberId, meta_media_id: metaMediaId, uploaded_at: uploadedAt, expires_at: new Date(uploadedAt.getTime() + META_MEDIA_TTL_MS),
  }, validUntil()));
  return metaMediaId;
}
