import { sql } from 'kysely';
import { refreshStatistics, type AnyDb, type TenantTx } from '../../platform/db';
import type { MessageRow, StatusStep } from './tables';

/** A message to insert: what the database does not fill in, the columns some messages leave empty optional. */
export type NewMessage = Omit<MessageRow, 'created_at' | 'updated_at' | 'error' | 'pricing' | OptionalOnInsert> & Partial<Pick<MessageRow, OptionalOnInsert>>;
type OptionalOnInsert = 'status_history' | 'words' | 'automation' | 'edited_at' | 'deleted_at';

export function findMessagesByWamid(tx: TenantTx, workspaceId: string, wamids: string[]): Promise<MessageRow[]> {
  if (!wamids.length) return Promise.resolve([]);
  return tx.selectFrom('messages').selectAll().where('workspace_id', '=', workspaceId).where('wamid', 'in', wamids).$narrowType<{ status_history: StatusStep[] }>().execute();
}

export function findMessagesById(tx: TenantTx, workspaceId: string, ids: string[]): Promise<MessageRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return tx.selectFrom('messages').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).$narrowType<{ status_history: StatusStep[] }>().execute();
}

/** Inserts new messages; a wamid already stored is skipped (returns the ids actually inserted). */
export async function insertMessages(tx: TenantTx, rows: NewMessage[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const inserted = await tx
    .insertInto('messages')
    .values(rows.map((r) => ({ ...r, status_history: JSON.stringify(r.status_history ?? []) })))
    .onConflict((oc) => oc.columns(['workspace_id', 'wamid']).doNothing())
    .returning('id')
    .execute();
  return new Set(inserted.map((r) => r.id));
}

/** What status application reads of a message. */
export type StatusRow = Pick<MessageRow, 'id' | 'wamid' | 'conversation_id' | 'status' | 'status_history'> & { has_pricing: boolean };

/**
 * Locks messages by wamid or id (the status paths: webhooks and the sender's outcomes) and reads
 * what they need. Rows are locked in id order, so two batches touching the same messages wait
 * for each other instead of deadlocking.
 */
export async function lockMessagesForStatus(tx: TenantTx, workspaceId: string, by: { wamids?: string[]; ids?: string[] }): Promise<StatusRow[]> {
  const wamids = by.wamids ?? [];
  const ids = by.ids ?? [];
  if (!wamids.length && !ids.length) return [];
  const { rows } = await sql<StatusRow>`
    select id, wamid, conversation_id, status, status_history, pricing is not null as has_pricing from messages
    where workspace_id = ${workspaceId} and (wamid = any(${wamids}::text[]) or id = any(${ids}::text[]))
    order by id for update`.execute(tx);
  return rows;
}

export interface StatusChange {
  id: string;
  status: string;
  status_history: StatusStep[];
  /** Replaces the stored error. */
  error?: unknown;
  /** Kept only when the message has no pricing yet (the first one wins). */
  pricing?: unknown;
  /** Kept only when the message has no wamid yet. */
  wamid?: string;
}

/** Many status changes in one statement (a webhook batch, a sender flush). */
export async function updateMessageStatuses(tx: TenantTx, workspaceId: string, changes: StatusChange[], at: Date): Promise<void> {
  if (!changes.length) return;
  await sql`
    update messages m set status = v.status, status_history = v.status_history, error = coalesce(v.error, m.error),
      pricing = coalesce(m.pricing, v.pricing), wamid = coalesce(m.wamid, v.wamid), updated_at = ${at}
    from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as v(id text, status text, status_history jsonb, error jsonb, pricing jsonb, wamid text)
    where m.workspace_id = ${workspaceId} and m.id = v.id`.execute(tx);
}

export interface MessageFilter {
  wamid?: string;
  contactId?: string;
  conversationId?: string;
  direction?: 'inbound' | 'outbound';
  ids?: string[];
  /** Only messages of conversations assigned to this member (agentsSeeOnlyAssigned). */
  assigneeId?: string;
  before?: { sentAt: Date; id: string };
  limit: number;
}

export function listMessages(tx: TenantTx, workspaceId: string, f: MessageFilter): Promise<MessageRow[]> {
  let q = tx.selectFrom('messages').selectAll().where('workspace_id', '=', workspaceId);
  if (f.wamid) q = q.where('wamid', '=', f.wamid);
  if (f.contactId) q = q.where('contact_id', '=', f.contactId);
  if (f.conversationId) q = q.where('conversation_id', '=', f.conversationId);
  if (f.direction) q = q.where('direction', '=', f.direction);
  if (f.ids) q = f.ids.length ? q.where('id', 'in', f.ids) : q.where(sql<boolean>`false`);
  if (f.assigneeId !== undefined) q = q.where(sql<boolean>`conversation_id in (select id from conversations where workspace_id = ${workspaceId} and assignee_id = ${f.assigneeId})`);
  if (f.before) q = q.where(sql<boolean>`(sent_at, id) < (${f.before.sentAt}, ${f.before.id})`);
  return q.orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(f.limit).$narrowType<{ status_history: StatusStep[] }>().execute();
}

/** Message ids holding every token (word search), newest first. */
export async function messageIdsWithAllTokens(tx: TenantTx, workspaceId: string, tokens: string[], limit: number): Promise<string[]> {
  if (!tokens.length) return [];
  const { rows } = await sql<{ id: string }>`
    select id from messages where workspace_id = ${workspaceId} and words @> ${tokens}::text[] order by id desc limit ${limit}`.execute(tx);
  return rows.map((r) => r.id);
}

/** A customer's edit or deletion: new (or no) content, words and the edited/deleted marks. */
export async function updateMessageAmended(
  tx: TenantTx,
  workspaceId: string,
  id: string,
  set: { payload: Buffer | null; words: string[]; edited_at: Date | null; deleted_at: Date | null },
  at: Date,
): Promise<void> {
  await tx.updateTable('messages').set({ ...set, updated_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** Fresh planner statistics for the tables a campaign grows per recipient (see refreshStatistics). */
export const analyzeMessageTables = (db: AnyDb) => refreshStatistics(db, ['messages', 'conversations']);
