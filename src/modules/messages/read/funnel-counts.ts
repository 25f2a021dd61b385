import { sql, type RawBuilder } from 'kysely';
import type { TenantTx } from '../../../platform/db';

/**
 * How many of the selected outbound messages got an answer: an inbound message in the same
 * conversation after the send (a failed send got none). Counted once per message (a campaign's
 * funnel: once per recipient).
 * Meta stamps inbound messages in whole seconds, so one stamped in the send's second counts.
 */
export async function repliedCount(tx: TenantTx, workspaceId: string, messageIds: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from messages o
    where o.workspace_id = ${workspaceId} and o.id in (${messageIds}) and o.status <> 'failed'
      and exists (select 1 from messages i where i.workspace_id = o.workspace_id and i.conversation_id = o.conversation_id
                  and i.direction = 'inbound' and i.sent_at >= date_trunc('second', o.sent_at))`.execute(tx);
  return rows[0]?.n ?? 0;
}

/**
 * Billed messages by the pricing category of their status webhooks and a caller-given country,
 * from a query selecting (message_id, country). Billed: pricing type `regular` (Meta's current
 * field), or `billable` where the type is missing. Pricing stored before ingest coerced `billable`
 * may hold it as a string: only a JSON boolean is cast, so such a row cannot fail the page.
 */
export async function billedCounts(tx: TenantTx, workspaceId: string, messagesWithCountry: RawBuilder<unknown>): Promise<{ country: string | null; category: string | null; n: number }[]> {
  const { rows } = await sql<{ country: string | null; category: string | null; n: number }>`
    select s.country, m.pricing->>'category' as category, count(*) as n
    from (${messagesWithCountry}) s join messages m on m.workspace_id = ${workspaceId} and m.id = s.message_id
    where m.pricing is not null and coalesce(m.pricing->>'type' = 'regular', case when jsonb_typeof(m.pricing->'billable') = 'boolean' then (m.pricing->>'billable')::boolean end, false)
    group by s.country, m.pricing->>'category'`.execute(tx);
  return rows;
}

/** Status counts of the messages a query selects by id (a campaign's funnel). */
export async function statusCounts(tx: TenantTx, workspaceId: string, messageIds: RawBuilder<unknown>): Promise<{ status: string; code: string | null; n: number }[]> {
  const { rows } = await sql<{ status: string; code: string | null; n: number }>`
    select status, error->>'code' as code, count(*) as n from messages
    where workspace_id = ${workspaceId} and id in (${messageIds}) group by status, error->>'code'`.execute(tx);
  return rows;
}
