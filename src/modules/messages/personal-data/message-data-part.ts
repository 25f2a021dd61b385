import { sql } from 'kysely';
import type { PersonalDataPart } from '../../privacy';
import type { MessagesDeps } from '../deps';
import { eraseContactMessages } from './erase-contact-messages';
import { exportContactMessages } from './export-contact-messages';

/** The messages module's part of a person's data: messages, statuses, reactions, edits, queued sends and media. */
export function messageDataPart(deps: MessagesDeps): PersonalDataPart {
  return {
    async describe(tx, workspaceId, subject) {
      const { rows } = await sql<{ id: string; wamid: string | null }>`select id, wamid from messages where workspace_id = ${workspaceId} and contact_id = ${subject.contactId}`.execute(tx);
      subject.messageIds = rows.map((r) => r.id);
      subject.wamids = rows.map((r) => r.wamid).filter((w): w is string => !!w);
      // The customer's own media, and any medium attached to one of their messages.
      const { rows: media } = await sql<{ id: string }>`
        select id from media where workspace_id = ${workspaceId} and (contact_id = ${subject.contactId} or message_id = any(${subject.messageIds}::text[]))`.execute(tx);
      subject.mediaIds = media.map((r) => r.id);
    },
    export: (tx, workspaceId, subject) => exportContactMessages(deps, tx, workspaceId, subject),
    erase: (tx, workspaceId, subject) => eraseContactMessages(deps, tx, workspaceId, subject),
  };
}
