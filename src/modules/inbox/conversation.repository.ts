import { sql } from 'kysely';
import { newId, type TenantTx } from '../../platform/db';
import type { ConversationRow } from './tables';

export interface ConversationTouch {
  contactId: string;
  channelId: string;
  lastMessageAt: Date;
  /** Meta's timestamp of the customer's newest message in this batch (absent for outbound-only touches). */
  customerAt?: Date;
  freeEntryPointExpiresAt?: Date;
  reopen: boolean;
}

/**
 * Creates or updates the conversation of each (contact, channel) in one statement. Windows only
 * move forward (greatest), so out-of-order and redelivered messages cannot shorten them; an
 * inbound message reopens a resolved conversation.
 */
export async function upsertConversations(tx: TenantTx, workspaceId: string, touches: ConversationTouch[], at: Date): Promise<ConversationRow[]> {
  if (!touches.length) return [];
  const values = touches.map((t) => ({
    workspace_id: workspaceId,
    id: newId(),
    contact_id: t.contactId,
    channel_id: t.channelId,
    status: 'open',
    last_customer_message_at: t.customerAt ?? null,
    window_expires_at: t.customerAt ? new Date(t.customerAt.getTime() + 86_400_000) : null,
    free_entry_point_expires_at: t.freeEntryPointExpiresAt ?? null,
    last_message_at: t.lastMessageAt,
    updated_at: at,
    reopen: t.reopen,
  }));
  const { rows } = await sql<ConversationRow>`
    insert into conversations (workspace_id, id, contact_id, channel_id, status, last_customer_message_at, window_expires_at, free_entry_point_expires_at, last_message_at, updated_at)
    select workspace_id, id, contact_id, channel_id, status, last_customer_message_at, window_expires_at, free_entry_point_expires_at, last_message_at, updated_at
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(workspace_id text, id text, contact_id text, channel_id text, status text,
      last_customer_message_at timestamptz, window_expires_at timestamptz, free_entry_point_expires_at timestamptz, last_message_at timestamptz, updated_at timestamptz, reopen boolean)
    on conflict (workspace_id, contact_id, channel_id) do update set
      last_customer_message_at = greatest(conversations.last_customer_message_at, excluded.last_customer_message_at),
      window_expires_at = greatest(conversations.window_expires_at, excluded.window_expires_at),
      free_entry_point_expires_at = greatest(conversations.free_entry_point_expires_at, excluded.free_entry_point_expires_at),
      last_message_at = greatest(conversations.last_message_at, excluded.last_message_at),
      status = case when excluded.last_customer_message_at is not null then 'open' else conversations.status end,
      updated_at = excluded.updated_at
    returning *`.execute(tx);
  return rows;
}

export function findConversation(tx: TenantTx, workspaceId: string, id: string): Promise<ConversationRow | undefined> {
  return tx.selectFrom('conversations').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function updateConversation(tx: TenantTx, workspaceId: string, id: string, set: Partial<Pick<ConversationRow, 'status' | 'assignee_id' | 'labels'>>, at: Date): Promise<void> {
  await tx.updateTable('conversations').set({ ...set, updated_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export interface ConversationFilter {
  status?: string;
  assignee?: { kind: 'none' } | { kind: 'member'; id: string };
  label?: string;
  contactIds?: string[];
  /** A reader who sees only their assigned conversations (agentsSeeOnlyAssigned). */
  onlyAssignedTo?: string;
  before?: string;
  limit: number;
}

export function listConversations(tx: TenantTx, workspaceId: string, f: ConversationFilter): Promise<ConversationRow[]> {
  let q = tx.selectFrom('conversations').selectAll().where('workspace_id', '=', workspaceId);
  if (f.status) q = q.where('status', '=', f.status as ConversationRow['status']);
  if (f.assignee?.kind === 'none') q = q.where('assignee_id', 'is', null);
  if (f.assignee?.kind === 'member') q = q.where('assignee_id', '=', f.assignee.id);
  if (f.label) q = q.where(sql<boolean>`${f.label} = any(labels)`);
  if (f.contactIds) q = f.contactIds.length ? q.where('contact_id', 'in', f.contactIds) : q.where(sql<boolean>`false`);
  if (f.onlyAssignedTo !== undefined) q = q.where('assignee_id', '=', f.onlyAssignedTo);
  if (f.before) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

/** Ids of the conversations assigned to a member (a restricted agent's event stream). */
export async function assignedConversationIds(tx: TenantTx, workspaceId: string, assigneeId: string): Promise<string[]> {
  const rows = await tx.selectFrom('conversations').select('id').where('workspace_id', '=', workspaceId).where('assignee_id', '=', assigneeId).execute();
  return rows.map((r) => r.id);
}

/** Renames a label on every conversation carrying it (a stray copy of the new name is folded in); returns their ids. */
export async function renameLabelOnConversations(tx: TenantTx, workspaceId: string, from: string, to: string, at: Date): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    update conversations set labels = array_replace(array_remove(labels, ${to}::text), ${from}::text, ${to}::text), updated_at = ${at}
    where workspace_id = ${workspaceId} and ${from}::text = any(labels) returning id`.execute(tx);
  return rows.map((r) => r.id);
}

/** Removes a label from every conversation carrying it; returns their ids. */
export async function removeLabelFromConversations(tx: TenantTx, workspaceId: string, name: string, at: Date): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    update conversations set labels = array_remove(labels, ${name}::text), updated_at = ${at}
    where workspace_id = ${workspaceId} and ${name}::text = any(labels) returning id`.execute(tx);
  return rows.map((r) => r.id);
}
