import type { TenantTx } from '../../../platform/db';
import { publishEvents } from '../../../platform/events';
import { lockMessagesForStatus, updateMessageStatuses, type StatusChange } from '../message.repository';
import { nextStatus } from './status-ladder';

export interface SendOutcome {
  messageId: string;
  status: 'accepted' | 'uncertain' | 'failed';
  wamid?: string;
  error?: { code: number | string; title: string | null; class: string; hint: string; details?: string | null };
}

/**
 * The sender's results: never backwards on the ladder (a status webhook may have arrived first),
 * `failed` final, the wamid recorded once, message.status published on a change. One locking read,
 * one set-based UPDATE and one events INSERT per batch, whatever its size.
 */
export async function recordSendOutcomes(tx: TenantTx, workspaceId: string, outcomes: SendOutcome[], at: Date): Promise<void> {
  if (!outcomes.length) return;
  const rows = new Map((await lockMessagesForStatus(tx, workspaceId, { ids: outcomes.map((o) => o.messageId) })).map((r) => [r.id, r]));
  // Merged per message (an outcome twice in one batch keeps the first's wamid): one UPDATE row each.
  const changes = new Map<string, StatusChange>();
  const events: { type: 'message.status'; data: { messageId: string; conversationId: string; status: string } }[] = [];
  for (const o of outcomes) {
    const row = rows.get(o.messageId);
    if (!row) continue;
    const status = nextStatus(row.status, o.status);
    const history = row.status_history.some((h) => h.status === o.status) ? row.status_history : [...row.status_history, { status: o.status, at: at.toISOString() }];
    const wamid = o.wamid && !row.wamid ? o.wamid : undefined;
    const error = status === 'failed' && o.error ? o.error : undefined;
    if (status === row.status && !wamid && history === row.status_history) continue;
    changes.set(row.id, { ...changes.get(row.id), id: row.id, status, status_history: history, ...(error ? { error } : {}), ...(wamid ? { wamid } : {}) });
    if (status !== row.status) events.push({ type: 'message.status', data: { messageId: row.id, conversationId: row.conversation_id, status } });
    // A later outcome of the same message in this batch starts from this one.
    rows.set(row.id, { ...row, status, status_history: history, wamid: row.wamid ?? wamid ?? null });
  }
  await updateMessageStatuses(tx, workspaceId, [...changes.values()], at);
  await publishEvents(tx, workspaceId, events);
}
