import { withTenant } from '../../../platform/db';
import { findContacts } from '../../contacts';
import type { Actor } from '../../privacy';
import type { MessagesDeps } from '../deps';
import { messageErrors } from '../errors';
import { findMedia } from './media.repository';
import { listMessages } from '../message.repository';
import type { ConversationScope } from '../../inbox';
import { openStoredMedia } from './stored-media';

/**
 * A stored medium, decrypted for a member allowed to read the inbox; the read is audited. A
 * customer's medium goes with its contact (erased contact → 404); an upload has no contact.
 */
export async function readMedia(deps: MessagesDeps, workspaceId: string, actor: Actor, id: string, scope: ConversationScope = null): Promise<{ bytes: Buffer; mimeType: string }> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const media = await findMedia(tx, workspaceId, id);
    if (!media) throw messageErrors.mediaNotFound();
    // A restricted agent reads the media of their assigned conversations' messages only.
    if (scope && media.message_id && !(await listMessages(tx, workspaceId, { ids: [media.message_id], assigneeId: scope.assigneeId, limit: 1 })).length) throw messageErrors.mediaNotFound();
    if (media.status !== 'stored' || !media.storage_key) throw messageErrors.mediaNotReady();
    if (media.contact_id && !(await findContacts(tx, workspaceId, [media.contact_id])).length) throw messageErrors.mediaNotFound();
    const bytes = await openStoredMedia(deps, tx, workspaceId, media);
    if (!bytes) throw messageErrors.mediaNotFound();
    await deps.audit.record(tx, workspaceId, actor, { action: 'media.read', target: { type: 'media', id } });
    return { bytes, mimeType: media.mime_type ?? 'application/octet-stream' };
  });
}
