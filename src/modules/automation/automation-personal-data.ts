import { sql } from 'kysely';
import type { DataSubject, PersonalDataPart } from '../privacy';

// The replies decided for the person: triggered by one of their messages, sent as one, or their welcome.
const aboutSubject = (workspaceId: string, s: DataSubject) =>
  sql`workspace_id = ${workspaceId} and (trigger_message_id = any(${s.messageIds}::text[]) or message_id = any(${s.messageIds}::text[]) or dedupe_key = ${`welcome:${s.contactId}`})`;

/** The automation module's part of a person's data: the ledger of automated replies decided for them. */
export const automationDataPart: PersonalDataPart = {
  async export(tx, workspaceId, subject) {
    const { rows } = await sql<{ kind: string; trigger_message_id: string; message_id: string | null; created_at: Date }>`
      select kind, trigger_message_id, message_id, created_at from automation_replies where ${aboutSubject(workspaceId, subject)} order by created_at`.execute(tx);
    return { sections: { automatedReplies: rows.map((r) => ({ kind: r.kind, triggerMessageId: r.trigger_message_id, messageId: r.message_id, createdAt: r.created_at.toISOString() })) } };
  },
  async erase(tx, workspaceId, subject) {
    const result = await sql`delete from automation_replies where ${aboutSubject(workspaceId, subject)}`.execute(tx);
    return { counts: { automatedReplies: Number(result.numAffectedRows ?? 0) } };
  },
};
