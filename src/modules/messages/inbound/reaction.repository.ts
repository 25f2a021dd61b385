import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/db';

/**
 * The newest reaction per reactor wins (by Meta's time); a removal is stored with no emoji.
 * Meta's timestamps have one-second precision, so an add and its undo can tie: on a tie the
 * removal wins, which also keeps a redelivered add from resurrecting a removed reaction.
 */
export async function upsertReaction(tx: TenantTx, workspaceId: string, r: { targetWamid: string; reactor: string; emoji: Buffer | null; at: Date }): Promise<boolean> {
  const { rows } = await sql<{ target_wamid: string }>`
    insert into message_reactions (workspace_id, target_wamid, reactor, emoji, reacted_at)
    values (${workspaceId}, ${r.targetWamid}, ${r.reactor}, ${r.emoji}, ${r.at})
    on conflict (workspace_id, target_wamid, reactor) do update set emoji = excluded.emoji, reacted_at = excluded.reacted_at
    where message_reactions.reacted_at < excluded.reacted_at
      or (message_reactions.reacted_at = excluded.reacted_at and excluded.emoji is null and message_reactions.emoji is not null)
    returning target_wamid`.execute(tx);
  return rows.length > 0;
}

export function reactionsOf(tx: TenantTx, workspaceId: string, wamids: string[]) {
  if (!wamids.length) return Promise.resolve([]);
  return tx.selectFrom('message_reactions').selectAll().where('workspace_id', '=', workspaceId).where('target_wamid', 'in', wamids).where('emoji', 'is not', null).execute();
}
