import { sql } from 'kysely';
import { newId, withTenant } from '../../platform/db';
import type { Cursor } from '../../platform/http';
import type { Actor } from '../privacy';
import { findConversation } from './conversation.repository';
import { NOTE_CONTEXT, type InboxDeps } from './deps';
import { inboxErrors } from './errors';

export interface NoteView {
  id: string;
  conversationId: string;
  authorId: string | null;
  body: string;
  createdAt: string;
}

/** Internal notes, sealed under the conversation's contact key: a page, newest first, before the note `before` names. */
export async function listNotes(deps: InboxDeps, workspaceId: string, conversationId: string, page: { before?: Cursor; limit: number }): Promise<NoteView[]> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    if (!(await findConversation(tx, workspaceId, conversationId))) throw inboxErrors.conversationNotFound();
    let q = tx.selectFrom('conversation_notes').selectAll().where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversationId);
    if (page.before) q = q.where(sql<boolean>`(created_at, id) < (${page.before.at}::timestamptz, ${page.before.id})`);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
    const out: NoteView[] = [];
    for (const r of rows) out.push({ id: r.id, conversationId, authorId: r.author_id, body: await deps.keyring.decryptText(tx, workspaceId, r.body, NOTE_CONTEXT), createdAt: r.created_at.toISOString() });
    return out;
  });
}

export async function addNote(deps: InboxDeps, workspaceId: string, actor: Actor, conversationId: string, body: string): Promise<NoteView> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const conversation = await findConversation(tx, workspaceId, conversationId);
    if (!conversation) throw inboxErrors.conversationNotFound();
    const keyId = await deps.keyring.dataKeyForOwner(tx, workspaceId, { type: 'contact', id: conversation.contact_id });
    const id = newId();
    const at = deps.clock.now();
    await tx.insertInto('conversation_notes').values({ workspace_id: workspaceId, id, conversation_id: conversationId, author_id: actor.id, body: await deps.keyring.encrypt(tx, workspaceId, keyId, body, NOTE_CONTEXT), created_at: at }).execute();
    await deps.audit.record(tx, workspaceId, actor, { action: 'note.create', target: { type: 'conversation', id: conversationId } });
    return { id, conversationId, authorId: actor.id, body, createdAt: at.toISOString() };
  });
}
