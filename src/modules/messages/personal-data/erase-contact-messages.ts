import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/db';
import type { DataSubject, ErasedPart } from '../../privacy';
import type { MessagesDeps } from '../deps';

const affected = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0);

/**
 * Deletes the person's messages and everything hanging off them: reactions (theirs, and any on their
 * messages), edits, read receipts, queued sends, media rows (their files after commit). Before that,
 * the messages' non-personal facts are added to erased_message_counts (per day, channel, direction
 * and status), so the workspace's figures survive the erasure.
 */
export async function eraseContactMessages(deps: MessagesDeps, tx: TenantTx, workspaceId: string, subject: DataSubject): Promise<ErasedPart> {
  const { contactId, wamids, messageIds, mediaIds } = subject;
  const counted = await sql`
    insert into erased_message_counts (workspace_id, day, channel_id, direction, status, messages)
    select workspace_id, (sent_at at time zone 'UTC')::date, channel_id, direction, status, count(*)
    from messages where workspace_id = ${workspaceId} and contact_id = ${contactId}
    group by workspace_id, (sent_at at time zone 'UTC')::date, channel_id, direction, status
    on conflict (workspace_id, day, channel_id, direction, status) do update set messages = erased_message_counts.messages + excluded.messages`.execute(tx);
  const reactions = await sql`delete from message_reactions where workspace_id = ${workspaceId} and (reactor = ${contactId} or target_wamid = any(${wamids}::text[]))`.execute(tx);
  const amendments = await sql`delete from message_amendments where workspace_id = ${workspaceId} and contact_id = ${contactId}`.execute(tx);
  const readReceipts = await sql`delete from read_receipts where workspace_id = ${workspaceId} and message_id = any(${messageIds}::text[])`.execute(tx);
  const queuedSends = await sql`delete from outbound_queue where workspace_id = ${workspaceId} and contact_id = ${contactId}`.execute(tx);
  const { rows: media } = await sql<{ storage_key: string | null }>`delete from media where workspace_id = ${workspaceId} and id = any(${mediaIds}::text[]) returning storage_key`.execute(tx);
  const messages = await sql`delete from messages where workspace_id = ${workspaceId} and contact_id = ${contactId}`.execute(tx);
  const files = media.map((m) => m.storage_key).filter((key): key is string => !!key);
  return {
    counts: {
      messages: affected(messages), reactions: affected(reactions), amendments: affected(amendments), readReceipts: affected(readReceipts),
      queuedSends: affected(queuedSends), media: media.length, mediaFiles: files.length,
    },
    retained: { dailyMessageCounts: affected(counted) },
    afterCommit: async () => {
      for (const key of files) await deps.storage.delete(key);
    },
  };
}
