// Source rows for the analytics benchmark, inserted by set-based SQL (ids, enums, times; no
// content): conversations and messages spread evenly over `days`, a tenth of the outbound sends
// templates of five campaigns (priced by Meta's status webhooks; every 53rd send failed), people's
// sends in the audit log (20 agents), three channels, and a quarter of conversations still open.
import { sql } from 'kysely';
import type { AnyDb } from '../../src/platform/db';

export interface SeedSize {
  messages: number;
  conversations: number;
  days: number;
  agents: number;
}

export async function seedWorkspace(db: AnyDb, workspaceId: string, size: SeedSize, start: Date): Promise<void> {
  const { messages: M, conversations: C, days, agents } = size;
  const span = sql`interval '1 day' * ${days}`;
  const at = (i: ReturnType<typeof sql>) => sql`${start}::timestamptz + (${i}::float8 / ${M}) * ${span}`;
  const pad = (prefix: string, n: ReturnType<typeof sql>) => sql`${prefix} || lpad((${n})::text, 9, '0')`;

  await sql`insert into users (id, email, email_normalized, name, password_hash, age_confirmed_at)
    select ${workspaceId} || '-agent-' || a, ${workspaceId} || '-agent-' || a || '@bench.invalid', ${workspaceId} || '-agent-' || a || '@bench.invalid', 'Agent ' || a, 'x', now()
    from generate_series(0, ${agents - 1}) a on conflict do nothing`.execute(db);
  await sql`insert into memberships (workspace_id, user_id, role) select ${workspaceId}, ${workspaceId} || '-agent-' || a, 'agent' from generate_series(0, ${agents - 1}) a on conflict do nothing`.execute(db);

  await sql`insert into conversations (workspace_id, id, contact_id, channel_id, status, assignee_id, labels, last_message_at, created_at, updated_at)
    select ${workspaceId}, ${pad('c', sql`c`)}, ${pad('k', sql`c`)}, 'ch' || (c % 3), case when c % 4 = 0 then 'open' else 'resolved' end,
      case when c % 2 = 0 then ${workspaceId} || '-agent-' || (c % ${agents}) end, case when c % 5 = 0 then '{vip}'::text[] when c % 7 = 0 then '{billing}'::text[] else '{}'::text[] end,
      ${at(sql`last_i`)}, ${at(sql`c`)}, ${at(sql`last_i`)} + interval '1 hour'
    from (select c, c + ${C} * floor((${M} - 1 - c)::float8 / ${C}) as last_i from generate_series(0, ${C - 1}) c) s`.execute(db);

  await sql`insert into campaigns (workspace_id, id, name, channel_id, template, category, status, audience)
    select ${workspaceId}, 'cp' || n, 'Campaign ' || n, 'ch0', jsonb_build_object('name', 'offer_' || n, 'language', 'en_US'), 'MARKETING', 'completed', '{}'::jsonb
    from generate_series(0, 4) n`.execute(db);

  // Even i: the customer writes; odd i: the business answers (every 10th a campaign template).
  await sql`insert into messages (workspace_id, id, channel_id, conversation_id, contact_id, direction, type, status, error, pricing, status_history, sent_at)
    select ${workspaceId}, ${pad('m', sql`i`)}, 'ch' || (c % 3), ${pad('c', sql`c`)}, ${pad('k', sql`c`)},
      case when i % 2 = 0 then 'inbound' else 'outbound' end,
      case when i % 10 = 1 then 'template' when i % 14 = 0 then 'image' else 'text' end,
      case when i % 2 = 0 then 'received' when i % 106 = 3 then 'failed' when i % 3 = 0 then 'read' when i % 5 = 0 then 'sent' else 'delivered' end,
      case when i % 106 = 3 then '{"code": 131026}'::jsonb end,
      case when i % 2 = 0 or i % 106 = 3 then null when i % 10 = 1 and i % 30 <> 21 then '{"type": "regular", "billable": true, "category": "marketing"}'::jsonb
           when i % 10 = 1 then null else '{"type": "free_customer_service", "billable": false, "category": "service"}'::jsonb end,
      '[]'::jsonb, ${at(sql`i`)}
    from (select i, i % ${C} as c from generate_series(0, ${M - 1}) i) s`.execute(db);

  await sql`insert into campaign_recipients (workspace_id, campaign_id, contact_id, state, country, message_id)
    select ${workspaceId}, 'cp' || (i / 10 % 5), ${pad('r', sql`i`)}, 'queued', case when i % 3 = 0 then '44' else '1' end, ${pad('m', sql`i`)}
    from generate_series(1, ${M - 1}, 10) i`.execute(db);

  await sql`insert into audit_events (workspace_id, seq, id, at, actor_type, actor_id, action, target_type, target_id, prev_hash, hash)
    select ${workspaceId}, 1000000000 + i, ${pad('a', sql`i`)}, ${at(sql`i`)}, 'user', ${workspaceId} || '-agent-' || (i % ${agents}), 'message.send', 'message', ${pad('m', sql`i`)}, '', ''
    from generate_series(3, ${M - 1}, 2) i where i % 10 <> 1`.execute(db);
}

/** Workspaces of noise: rows only, no members who sign in. */
export async function createNoiseWorkspaces(db: AnyDb, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, n) => `bench-noise-${n}-${Date.now().toString(36)}`);
  if (ids.length) await sql`insert into workspaces (workspace_id, name) select id, 'Noise' from unnest(${ids}::text[]) id`.execute(db);
  return ids;
}
