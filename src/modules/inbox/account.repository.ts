import { sql } from 'kysely';
import { newId, type TenantTx } from '../../platform/db';

export async function insertChannelEvent(tx: TenantTx, workspaceId: string, e: { channelId: string | null; wabaId: string; field: string; event: string | null; details: unknown }, at: Date): Promise<void> {
  await sql`insert into channel_events (workspace_id, id, channel_id, waba_id, field, event, details, received_at)
    values (${workspaceId}, ${newId()}, ${e.channelId}, ${e.wabaId}, ${e.field}, ${e.event}, ${JSON.stringify(e.details ?? {})}::jsonb, ${at})`.execute(tx);
}
