import { sql } from 'kysely';
import type { AnyDb, TenantTx } from '../../platform/db';
import type { FeedPosition } from '../../platform/events';
import type { ConsentFact, Contribution, Episode, MessageFact } from './facts';

// The only SQL on the analytics tables' write side: the cursor, the facts, the episodes and the
// rollup deltas. Bulk writes go through jsonb_to_recordset: one statement per batch and table.

/** The worker's position, created at the start of the feed when missing; undefined when another worker holds it. */
export async function lockCursor(tx: TenantTx, workspaceId: string, wait = false): Promise<FeedPosition | undefined> {
  await sql`insert into analytics_cursors (workspace_id, tx_id, event_id) values (${workspaceId}, '0'::xid8, 0) on conflict (workspace_id) do nothing`.execute(tx);
  const { rows } = await sql<{ tx_id: string; event_id: string }>`
    select tx_id::text as tx_id, event_id from analytics_cursors where workspace_id = ${workspaceId} for update ${wait ? sql`` : sql`skip locked`}`.execute(tx);
  return rows[0] ? { txId: rows[0].tx_id, id: Number(rows[0].event_id) } : undefined;
}

export async function saveCursor(tx: TenantTx, workspaceId: string, position: FeedPosition, at: Date): Promise<void> {
  await sql`update analytics_cursors set tx_id = ${position.txId}::xid8, event_id = ${position.id}, updated_at = ${at} where workspace_id = ${workspaceId}`.execute(tx);
}

/**
 * Workspaces with committed events past their analytics cursor (or with none yet): the worker's
 * round visits only these. Runs before any tenant is known, across all of them.
 */
export async function unsafeWorkspacesBehind(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ workspace_id: string }>`
    select w.workspace_id from workspaces w left join analytics_cursors c on c.workspace_id = w.workspace_id
    where exists (select 1 from events e where e.workspace_id = w.workspace_id
      and (c.workspace_id is null or (e.tx_id, e.id) > (c.tx_id, c.event_id)) and e.tx_id < pg_snapshot_xmin(pg_current_snapshot()))`.execute(db);
  return rows.map((r) => r.workspace_id);
}

/** Conversations named by events after the cursor, committed or not yet visible to the feed: the worker has yet to apply them. */
export async function conversationsWithEventsAfter(tx: TenantTx, workspaceId: string, position: FeedPosition): Promise<Set<string>> {
  const { rows } = await sql<{ id: string }>`
    select distinct data->>'conversationId' as id from events
    where workspace_id = ${workspaceId} and (tx_id, id) > (${position.txId}::xid8, ${position.id}) and data ? 'conversationId'`.execute(tx);
  return new Set(rows.map((r) => r.id).filter((id) => id !== null));
}

const factColumns = sql`message_id, conversation_id, channel_id, day::text as day, sent_at, direction, type, automated, agent_id, template, template_category,
  campaign_id, status, error_code, replied, pricing_category, billable, country, cost, estimate`;

const toFact = (r: MessageFact): MessageFact => ({ ...r, day: String(r.day), sent_at: new Date(r.sent_at), cost: Number(r.cost), estimate: Number(r.estimate) });

export async function findMessageFacts(tx: TenantTx, workspaceId: string, ids: string[]): Promise<Map<string, MessageFact>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<MessageFact>`select ${factColumns} from analytics_message_facts where workspace_id = ${workspaceId} and message_id = any(${ids}::text[])`.execute(tx);
  return new Map(rows.map((r) => [r.message_id, toFact(r)]));
}

/** Template sends not yet answered in these conversations: a customer's new message may answer them. */
export async function unrepliedTemplateSends(tx: TenantTx, workspaceId: string, conversationIds: string[]): Promise<string[]> {
  if (!conversationIds.length) return [];
  const { rows } = await sql<{ message_id: string }>`
    select message_id from analytics_message_facts
    where workspace_id = ${workspaceId} and conversation_id = any(${conversationIds}::text[]) and template is not null and not replied`.execute(tx);
  return rows.map((r) => r.message_id);
}

export async function saveMessageFacts(tx: TenantTx, workspaceId: string, facts: MessageFact[]): Promise<void> {
  if (!facts.length) return;
  await sql`
    insert into analytics_message_facts (workspace_id, message_id, conversation_id, channel_id, day, sent_at, direction, type, automated, agent_id, template, template_category,
      campaign_id, status, error_code, replied, pricing_category, billable, country, cost, estimate)
    select ${workspaceId}, v.* from jsonb_to_recordset(${JSON.stringify(facts)}::jsonb) as v(message_id text, conversation_id text, channel_id text, day date, sent_at timestamptz,
      direction text, type text, automated boolean, agent_id text, template text, template_category text, campaign_id text, status text, error_code text, replied boolean,
      pricing_category text, billable boolean, country text, cost numeric, estimate numeric)
    on conflict (workspace_id, message_id) do update set conversation_id = excluded.conversation_id, channel_id = excluded.channel_id, day = excluded.day,
      sent_at = excluded.sent_at, direction = excluded.direction, type = excluded.type, automated = excluded.automated, agent_id = excluded.agent_id,
      template = excluded.template, template_category = excluded.template_category, campaign_id = excluded.campaign_id, status = excluded.status,
      error_code = excluded.error_code, replied = excluded.replied, pricing_category = excluded.pricing_category, billable = excluded.billable,
      country = excluded.country, cost = excluded.cost, estimate = excluded.estimate`.execute(tx);
}

const toEpisode = (r: Episode): Episode => {
  const at = (v: Date | null) => (v ? new Date(v) : null);
  const day = (v: string | null) => (v === null ? null : String(v));
  return { ...r, opened_at: new Date(r.opened_at), opened_day: String(r.opened_day), first_customer_at: at(r.first_customer_at), first_response_at: at(r.first_response_at), resolved_at: at(r.resolved_at), response_day: day(r.response_day), resolved_day: day(r.resolved_day) };
};

const episodeColumns = sql`conversation_id, seq, channel_id, kind, opened_at, opened_day::text as opened_day, opened_in_hours, first_customer_at, customer_in_hours,
  first_response_at, response_day::text as response_day, responder_id, resolved_at, resolved_day::text as resolved_day, assignee_id, labels`;

/** The latest episode of each conversation. */
export async function latestEpisodes(tx: TenantTx, workspaceId: string, conversationIds: string[]): Promise<Map<string, Episode>> {
  if (!conversationIds.length) return new Map();
  const { rows } = await sql<Episode>`
    select distinct on (conversation_id) ${episodeColumns} from analytics_episodes
    where workspace_id = ${workspaceId} and conversation_id = any(${conversationIds}::text[]) order by conversation_id, seq desc`.execute(tx);
  return new Map(rows.map((r) => [r.conversation_id, toEpisode(r)]));
}

export async function saveEpisodes(tx: TenantTx, workspaceId: string, episodes: Episode[]): Promise<void> {
  if (!episodes.length) return;
  await sql`
    insert into analytics_episodes (workspace_id, conversation_id, seq, channel_id, kind, opened_at, opened_day, opened_in_hours, first_customer_at, customer_in_hours,
      first_response_at, response_day, responder_id, resolved_at, resolved_day, assignee_id, labels)
    select ${workspaceId}, v.conversation_id, v.seq, v.channel_id, v.kind, v.opened_at, v.opened_day, v.opened_in_hours, v.first_customer_at, v.customer_in_hours,
      v.first_response_at, v.response_day, v.responder_id, v.resolved_at, v.resolved_day, v.assignee_id, array(select jsonb_array_elements_text(v.labels))
    from jsonb_to_recordset(${JSON.stringify(episodes)}::jsonb) as v(conversation_id text, seq int, channel_id text, kind text, opened_at timestamptz, opened_day date,
      opened_in_hours boolean, first_customer_at timestamptz, customer_in_hours boolean, first_response_at timestamptz, response_day date, responder_id text,
      resolved_at timestamptz, resolved_day date, assignee_id text, labels jsonb)
    on conflict (workspace_id, conversation_id, seq) do update set first_customer_at = excluded.first_customer_at, customer_in_hours = excluded.customer_in_hours,
      first_response_at = excluded.first_response_at, response_day = excluded.response_day, responder_id = excluded.responder_id, resolved_at = excluded.resolved_at,
      resolved_day = excluded.resolved_day, assignee_id = excluded.assignee_id, labels = excluded.labels`.execute(tx);
}

/** Consent facts not recorded yet; returns those inserted (each counts once). */
export async function insertConsentFacts(tx: TenantTx, workspaceId: string, facts: ConsentFact[]): Promise<ConsentFact[]> {
  if (!facts.length) return [];
  const { rows } = await sql<ConsentFact>`
    insert into analytics_consent_facts (workspace_id, contact_id, purpose, seq, granted, day)
    select ${workspaceId}, v.* from jsonb_to_recordset(${JSON.stringify(facts)}::jsonb) as v(contact_id text, purpose text, seq int, granted boolean, day date)
    on conflict do nothing returning contact_id, purpose, seq, granted, day::text as day`.execute(tx);
  return rows;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** Adds each delta to its rollup row (created at the delta when missing). */
export async function addToRollups(tx: TenantTx, workspaceId: string, deltas: Iterable<Contribution>): Promise<void> {
  const rows = [...deltas].map((c) => ({ ...c, value: round(c.value) })).filter((c) => c.value !== 0);
  for (let i = 0; i < rows.length; i += 5000) {
    await sql`
      insert into analytics_rollups (workspace_id, dimension, day, channel_id, key, metric, value)
      select ${workspaceId}, v.dimension, v.day, v."channelId", v.key, v.metric, v.value
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb) as v(dimension text, day date, "channelId" text, key text, metric text, value numeric)
      on conflict (workspace_id, dimension, day, channel_id, key, metric) do update set value = analytics_rollups.value + excluded.value`.execute(tx);
  }
}

export async function deleteRollups(tx: TenantTx, workspaceId: string): Promise<void> {
  await sql`delete from analytics_rollups where workspace_id = ${workspaceId}`.execute(tx);
}

/** Facts in pages by key, for a rebuild's sum. */
export async function messageFactsAfter(tx: TenantTx, workspaceId: string, afterId: string, limit: number): Promise<MessageFact[]> {
  const { rows } = await sql<MessageFact>`select ${factColumns} from analytics_message_facts where workspace_id = ${workspaceId} and message_id > ${afterId} order by message_id limit ${limit}`.execute(tx);
  return rows.map(toFact);
}

export async function episodesAfter(tx: TenantTx, workspaceId: string, after: { conversationId: string; seq: number }, limit: number): Promise<Episode[]> {
  const { rows } = await sql<Episode>`select ${episodeColumns} from analytics_episodes where workspace_id = ${workspaceId} and (conversation_id, seq) > (${after.conversationId}, ${after.seq}) order by conversation_id, seq limit ${limit}`.execute(tx);
  return rows.map(toEpisode);
}

export async function allConsentFacts(tx: TenantTx, workspaceId: string): Promise<ConsentFact[]> {
  const { rows } = await sql<ConsentFact>`select contact_id, purpose, seq, granted, day::text as day from analytics_consent_facts where workspace_id = ${workspaceId}`.execute(tx);
  return rows;
}

/** Every workspace's id (an operator's rebuild of all of them, before any tenant is chosen). */
export async function unsafeAllWorkspaceIds(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ workspace_id: string }>`select workspace_id from workspaces order by workspace_id`.execute(db);
  return rows.map((r) => r.workspace_id);
}
