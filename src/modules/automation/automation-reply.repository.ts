import type { DB, TenantTx } from '../../platform/db';

/** Which automation sent a reply (the table's check constraint). */
export type ReplyKind = DB['automation_replies']['kind'];

/**
 * Claims a reply's dedupe key; false when it was already claimed. A concurrent claimer waits on the
 * key until the first transaction ends, so of two runs of one job exactly one sends.
 */
export async function claimReply(tx: TenantTx, workspaceId: string, r: { dedupeKey: string; kind: ReplyKind; triggerMessageId: string }, at: Date): Promise<boolean> {
  const rows = await tx.insertInto('automation_replies')
    .values({ workspace_id: workspaceId, dedupe_key: r.dedupeKey, kind: r.kind, trigger_message_id: r.triggerMessageId, message_id: null, created_at: at })
    .onConflict((oc) => oc.columns(['workspace_id', 'dedupe_key']).doNothing())
    .returning('dedupe_key').execute();
  return rows.length === 1;
}

export async function setReplyMessage(tx: TenantTx, workspaceId: string, dedupeKey: string, messageId: string): Promise<void> {
  await tx.updateTable('automation_replies').set({ message_id: messageId }).where('workspace_id', '=', workspaceId).where('dedupe_key', '=', dedupeKey).execute();
}
