import { sql } from 'kysely';
import { newId, type TenantTx } from '../../platform/db';

/** A channel event: plaintext facts only (field, event, codes); what may name a person is `sealed`. */
export interface NewChannelEvent {
  channelId: string | null;
  wabaId: string;
  field: string;
  event: string | null;
  /** Non-personal facts (an error's code). */
  facts: Record<string, string | number>;
  /** The webhook value, encrypted. */
  sealed: Buffer;
  /** Blind tokens of the customer ids the value names, so erasure finds the event. */
  customerTokens: string[];
}

export async function insertChannelEvent(tx: TenantTx, workspaceId: string, e: NewChannelEvent, at: Date): Promise<void> {
  await sql`insert into channel_events (workspace_id, id, channel_id, waba_id, field, event, details, sealed, customer_tokens, received_at)
    values (${workspaceId}, ${newId()}, ${e.channelId}, ${e.wabaId}, ${e.field}, ${e.event}, ${JSON.stringify(e.facts)}::jsonb, ${e.sealed}, ${e.customerTokens}::text[], ${at})`.execute(tx);
}
