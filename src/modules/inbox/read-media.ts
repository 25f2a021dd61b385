import { withTenant } from '../../platform/db';
import { findContacts } from '../contacts';
import type { Actor } from '../privacy';
import { MEDIA_CONTEXT, type InboxDeps } from './deps';
import { inboxErrors } from './errors';
import { findMedia } from './media.repository';
import { listMessages } from './message.repository';
import type { ConversationScope } from './conversation-scope';

/** A stored medium, decrypted for a member allowed to read the inbox; the read is audited. */
export async function readMedia(deps: InboxDeps, workspaceId: string, actor: Actor, id: string, scope: ConversationScope = null): Promise<{ bytes: Buffer; mimeType: string }> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const media = await findMedia(tx, workspaceId, id);
    if (!media) throw inboxErrors.mediaNotFound();
    // A restricted agent reads the media of their assigned conversations' messages only.
    if (scope && media.message_id && !(await listMessages(tx, workspaceId, { ids: [media.message_id], assigneeId: scope.assigneeId, limit: 1 })).length) throw inboxErrors.mediaNotFound();
    if (media.status !== 'stored' || !media.storage_key) throw inboxErrors.mediaNotReady();
    const sealed = await deps.storage.get(media.storage_key);
    const [contact] = await findContacts(tx, workspaceId, media.contact_id ? [media.contact_id] : []);
    if (!sealed || !contact) throw inboxErrors.mediaNotFound();
    const bytes = await deps.keyring.decrypt(tx, workspaceId, sealed, MEDIA_CONTEXT);
    await deps.audit.record(tx, workspaceId, actor, { action: 'media.read', target: { type: 'media', id } });
    return { bytes, mimeType: media.mime_type ?? 'application/octet-stream' };
  });
}
