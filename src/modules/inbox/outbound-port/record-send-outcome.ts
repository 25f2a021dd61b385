import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { TenantTx } from '../../../platform/db';
import { publishEvent } from '../../../platform/events';
import { findMessagesById, updateMessageStatus } from '../message.repository';
import { nextStatus } from '../status-ladder';
import type { InboxTables } from '../tables';

export interface SendOutcome {
  messageId: string;
  status: 'accepted' | 'uncertain' | 'failed';
  wamid?: string;
  error?: { code: number | string; title: string | null; class: string; hint: string; details?: string | null };
}

/**
 * The sender's results: never backwards on the ladder (a status webhook may have arrived first),
 * `failed` final, the wamid recorded once, message.status published on a change.
 */
export async function recordSendOutcomes(tx: TenantTx, workspaceId: string, outcomes: SendOutcome[], at: Date): Promise<void> {
  if (!outcomes.length) return;
  const ids = outcomes.map((o) => o.messageId);
  await (tx as unknown as Kysely<InboxTables>).selectFrom('messages').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids).forUpdate().execute();
  const rows = new Map((await findMessagesById(tx, workspaceId, ids)).map((r) => [r.id, r]));
  for (const o of outcomes) {
    const row = rows.get(o.messageId);
    if (!row) continue;
    const status = nextStatus(row.status, o.status);
    const history = row.status_history.some((h) => h.status === o.status) ? row.status_history : [...row.status_history, { status: o.status, at: at.toISOString() }];
    const wamid = o.wamid && !row.wamid ? o.wamid : undefined;
    const error = status === 'failed' && o.error ? o.error : undefined;
    if (status === row.status && !wamid && history === row.status_history) continue;
    await updateMessageStatus(tx, workspaceId, row.id, { status, status_history: history, ...(error ? { error } : {}), ...(wamid ? { wamid } : {}) }, at);
    if (status !== row.status) await publishEvent(tx, workspaceId, 'message.status', { messageId: row.id, conversationId: row.conversation_id, status });
  }
}

/** Current statuses of some messages (settling uncertain sends). */
export async function outboundStatuses(tx: TenantTx, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  return new Map((await findMessagesById(tx, workspaceId, ids)).map((r) => [r.id, r.status]));
}

/** Status counts of the messages a query selects by id (a campaign's funnel). */
export async function statusCounts(tx: TenantTx, workspaceId: string, messageIds: RawBuilder<unknown>): Promise<{ status: string; code: string | null; n: number; billable: number }[]> {
  const { rows } = await sql<{ status: string; code: string | null; n: string; billable: string }>`
    select status, error->>'code' as code, count(*) as n, count(*) filter (where (pricing->>'billable')::boolean) as billable from messages
    where workspace_id = ${workspaceId} and id in (${messageIds}) group by status, error->>'code'`.execute(tx);
  return rows.map((r) => ({ status: r.status, code: r.code, n: Number(r.n), billable: Number(r.billable) }));
}
