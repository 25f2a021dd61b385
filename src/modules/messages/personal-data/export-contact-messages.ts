import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/db';
import type { DataSubject, ExportedPart, ExportFile } from '../../privacy';
import type { MessagesDeps } from '../deps';
import { openStoredMedia } from '../media/stored-media';
import { toMessageViews } from '../read/message-view';
import type { MediaRow, MessageRow } from '../tables';

// A file name's extension from a MIME type ("image/jpeg" → ".jpeg"); nothing when unknown or odd.
const extensionOf = (mime: string | null) => {
  const subtype = mime?.split('/')[1]?.split(/[;+]/)[0];
  return subtype && /^[a-z0-9.-]{1,20}$/.test(subtype) ? `.${subtype}` : '';
};

/** Every message of the person, oldest first, with statuses, reactions, edits and their media decrypted into files. */
export async function exportContactMessages(deps: MessagesDeps, tx: TenantTx, workspaceId: string, subject: DataSubject): Promise<ExportedPart> {
  const { rows } = await sql<MessageRow>`select * from messages where workspace_id = ${workspaceId} and contact_id = ${subject.contactId} order by sent_at, id`.execute(tx);
  const { rows: media } = await sql<MediaRow>`select * from media where workspace_id = ${workspaceId} and id = any(${subject.mediaIds}::text[]) order by created_at, id`.execute(tx);
  const files: ExportFile[] = [];
  const fileOf = new Map<string, string>();
  for (const m of media) {
    const bytes = m.status === 'stored' ? await openStoredMedia(deps, tx, workspaceId, m) : null;
    if (!bytes) continue;
    const path = `media/${m.id}${extensionOf(m.mime_type)}`;
    files.push({ path, bytes });
    fileOf.set(m.id, path);
  }
  const views = await toMessageViews(deps, tx, workspaceId, rows, true);
  const messages = views.map(({ contactId: _contactId, media: _media, ...view }) => ({
    ...view,
    media: media.filter((x) => x.message_id === view.id).map((x) => ({
      id: x.id, status: x.status, mimeType: x.mime_type, sizeBytes: x.size_bytes === null ? null : Number(x.size_bytes), sha256: x.sha256, file: fileOf.get(x.id) ?? null,
    })),
  }));
  return { sections: { messages }, files };
}
