import { sql } from 'kysely';
import type { PersonalDataPart } from '../privacy';
import { NOTE_CONTEXT, type InboxDeps } from './deps';
import type { ConversationRow } from './tables';

type NoteRow = { id: string; conversation_id: string; author_id: string | null; body: Buffer; created_at: Date };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The inbox's part of a person's data: their conversations and the team's notes on them. */
export function conversationDataPart(deps: InboxDeps): PersonalDataPart {
  return {
    async describe(tx, workspaceId, subject) {
      const { rows } = await sql<{ id: string }>`select id from conversations where workspace_id = ${workspaceId} and contact_id = ${subject.contactId}`.execute(tx);
      subject.conversationIds = rows.map((r) => r.id);
    },

    async export(tx, workspaceId, subject) {
      const { rows } = await sql<ConversationRow>`select * from conversations where workspace_id = ${workspaceId} and contact_id = ${subject.contactId} order by created_at, id`.execute(tx);
      const { rows: notes } = await sql<NoteRow>`
        select * from conversation_notes where workspace_id = ${workspaceId} and conversation_id = any(${subject.conversationIds}::text[]) order by created_at, id`.execute(tx);
      const conversations = [];
      for (const c of rows) {
        const mine = [];
        for (const n of notes.filter((x) => x.conversation_id === c.id)) {
          mine.push({ id: n.id, authorId: n.author_id, body: await deps.keyring.decryptText(tx, workspaceId, n.body, NOTE_CONTEXT), createdAt: n.created_at.toISOString() });
        }
        conversations.push({
          id: c.id, channelId: c.channel_id, status: c.status, assigneeId: c.assignee_id, labels: c.labels, createdAt: c.created_at.toISOString(),
          lastMessageAt: iso(c.last_message_at), lastCustomerMessageAt: iso(c.last_customer_message_at), windowExpiresAt: iso(c.window_expires_at), notes: mine,
        });
      }
      return { sections: { conversations } };
    },

    async erase(tx, workspaceId, subject) {
      const notes = await sql`delete from conversation_notes where workspace_id = ${workspaceId} and conversation_id = any(${subject.conversationIds}::text[])`.execute(tx);
      const conversations = await sql`delete from conversations where workspace_id = ${workspaceId} and contact_id = ${subject.contactId}`.execute(tx);
      return { counts: { conversations: Number(conversations.numAffectedRows ?? 0), notes: Number(notes.numAffectedRows ?? 0) } };
    },
  };
}
