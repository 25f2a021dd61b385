import { withTenant } from '../../../platform/db';
import type { JobCatalog, PayloadOf } from '../../../platform/jobs';
import { clientFor, loadChannelCredentialsById } from '../../channels';
import { findContacts } from '../../contacts';
import { MEDIA_CONTEXT, type MessagesDeps } from '../deps';
import { findMedia, markMediaStored } from './media.repository';

const MAX_MEDIA_BYTES = 100 * 1024 * 1024;

/**
 * Job: fetches an inbound medium (GET /{media-id}, then the download with the bearer token inside
 * its 5-minute window, sha256 checked), seals it under the contact's key and stores it. Retried with
 * backoff by the job runner; idempotent (a stored medium is left alone).
 */
export async function fetchMedia(deps: MessagesDeps, { workspaceId, mediaId }: PayloadOf<JobCatalog['mediaFetch']>): Promise<void> {
  const media = await withTenant(deps.db, workspaceId, (tx) => findMedia(tx, workspaceId, mediaId));
  if (!media || media.status === 'stored' || !media.meta_media_id || !media.channel_id || !media.contact_id) return;
  const creds = await loadChannelCredentialsById(deps.channels, workspaceId, media.channel_id);
  if (!creds) return;
  const client = clientFor(deps.channels, creds);
  const info = await client.getMedia(media.meta_media_id);
  const { bytes, mimeType } = await client.downloadMediaBytes(info.url, { expectedSha256: media.sha256 ?? info.sha256, maxBytes: MAX_MEDIA_BYTES });
  const key = `${workspaceId}/${mediaId}`;
  await withTenant(deps.db, workspaceId, async (tx) => {
    const [contact] = await findContacts(tx, workspaceId, [media.contact_id!]);
    if (!contact) return;
    await deps.storage.put(key, await deps.keyring.encrypt(tx, workspaceId, contact.key_id, bytes, MEDIA_CONTEXT));
    await markMediaStored(tx, workspaceId, mediaId, { storage_key: key, size_bytes: bytes.length, mime_type: mimeType ?? media.mime_type ?? info.mimeType }, deps.clock.now());
  });
}
