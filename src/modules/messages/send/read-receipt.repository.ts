import type { TenantTx } from '../../../platform/db';

/** Records that an inbound message is to be marked read; false when it already was (at most once). */
export async function insertReadReceipt(tx: TenantTx, workspaceId: string, messageId: string, at: Date): Promise<boolean> {
  const rows = await tx.insertInto('read_receipts').values({ workspace_id: workspaceId, message_id: messageId, queued_at: at, sent_at: null })
    .onConflict((oc) => oc.columns(['workspace_id', 'message_id']).doNothing()).returning('message_id').execute();
  return rows.length === 1;
}

export async function findReadReceipt(tx: TenantTx, workspaceId: string, messageId: string): Promise<{ sent_at: Date | null } | undefined> {
  return tx.selectFrom('read_receipts').select('sent_at').where('workspace_id', '=', workspaceId).where('message_id', '=', messageId).executeTakeFirst();
}

export async function markReadReceiptSent(tx: TenantTx, workspaceId: string, messageId: string, at: Date): Promise<void> {
  await tx.updateTable('read_receipts').set({ sent_at: at }).where('workspace_id', '=', workspaceId).where('message_id', '=', messageId).execute();
}
