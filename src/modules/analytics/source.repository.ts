import { sql } from 'kysely';
import type { TenantTx } from '../../platform/db';
import type { EpisodeMessage } from './episodes';

// Read-only lookups of the non-personal facts the rollups need in other modules' tables (ids,
// enums, times, Meta's pricing and error codes). The only sealed values read are handed to
// sealed-facts.ts, which keeps a template's name or a number's calling code and drops the rest.

export interface MessageSource {
  id: string;
  conversation_id: string;
  channel_id: string;
  contact_id: string;
  direction: 'inbound' | 'outbound';
  type: string;
  status: string;
  error_code: string | null;
  pricing_category: string | null;
  billable: boolean;
  has_pricing: boolean;
  sent_at: Date;
  automated: boolean;
  /** The sealed payload of a template send outside campaigns (its template's name is inside). */
  payload: Buffer | null;
  campaign_id: string | null;
  country: string | null;
  campaign_template: string | null;
  campaign_category: string | null;
  agent_id: string | null;
  /** A template send answered: a customer's message in its conversation from its second on (as campaign funnels count). */
  replied: boolean;
}

export async function findMessageSources(tx: TenantTx, workspaceId: string, ids: string[]): Promise<MessageSource[]> {
  if (!ids.length) return [];
  // Billed: pricing type `regular` (Meta's current field), or `billable` where the type is missing.
  const { rows } = await sql<MessageSource>`
    select m.id, m.conversation_id, m.channel_id, m.contact_id, m.direction, m.type, m.status, m.error->>'code' as error_code,
      m.pricing->>'category' as pricing_category, m.pricing is not null as has_pricing,
      coalesce(m.pricing->>'type' = 'regular', case when jsonb_typeof(m.pricing->'billable') = 'boolean' then (m.pricing->>'billable')::boolean end, false) as billable,
      m.sent_at, m.automation is not null as automated,
      case when m.type = 'template' and r.campaign_id is null then m.payload end as payload,
      r.campaign_id, r.country, case when cp.id is not null then (cp.template->>'name') || '/' || (cp.template->>'language') end as campaign_template, cp.category as campaign_category,
      m.direction = 'outbound' and m.type = 'template' and m.status <> 'failed' and exists (select 1 from messages i where i.workspace_id = m.workspace_id
        and i.conversation_id = m.conversation_id and i.direction = 'inbound' and i.sent_at >= date_trunc('second', m.sent_at)) as replied,
      (select a.actor_id from audit_events a where a.workspace_id = m.workspace_id and a.action = 'message.send' and a.target_id = m.id and a.actor_type = 'user' limit 1) as agent_id
    from messages m
    left join campaign_recipients r on r.workspace_id = m.workspace_id and r.message_id = m.id
    left join campaigns cp on cp.workspace_id = r.workspace_id and cp.id = r.campaign_id
    where m.workspace_id = ${workspaceId} and m.id = any(${ids}::text[])`.execute(tx);
  return rows.map((r) => ({ ...r, sent_at: new Date(r.sent_at) }));
}

/** Message ids of the workspace after `afterId`, in id order (a rebuild pages through them). */
export async function messageIdsAfter(tx: TenantTx, workspaceId: string, afterId: string, limit: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from messages where workspace_id = ${workspaceId} and id > ${afterId} order by id limit ${limit}`.execute(tx);
  return rows.map((r) => r.id);
}

/** Categories of the workspace's templates by "name/language". */
export async function templateCategories(tx: TenantTx, workspaceId: string, keys: string[]): Promise<Map<string, string>> {
  if (!keys.length) return new Map();
  const { rows } = await sql<{ key: string; category: string | null }>`
    select name || '/' || language as key, category from templates where workspace_id = ${workspaceId} and name || '/' || language = any(${keys}::text[])`.execute(tx);
  return new Map(rows.filter((r) => r.category).map((r) => [r.key, r.category!]));
}

export async function sealedPhones(tx: TenantTx, workspaceId: string, contactIds: string[]): Promise<Map<string, Buffer>> {
  if (!contactIds.length) return new Map();
  const { rows } = await sql<{ id: string; phone: Buffer | null }>`select id, phone from contacts where workspace_id = ${workspaceId} and id = any(${contactIds}::text[])`.execute(tx);
  return new Map(rows.filter((r) => r.phone).map((r) => [r.id, r.phone!]));
}

export interface ConversationSource {
  id: string;
  channel_id: string;
  status: 'open' | 'pending' | 'resolved';
  assignee_id: string | null;
  labels: string[];
  updated_at: Date;
}

export async function findConversationSources(tx: TenantTx, workspaceId: string, ids: string[]): Promise<Map<string, ConversationSource>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<ConversationSource>`
    select id, channel_id, status, assignee_id, labels, updated_at from conversations where workspace_id = ${workspaceId} and id = any(${ids}::text[])`.execute(tx);
  return new Map(rows.map((r) => [r.id, { ...r, updated_at: new Date(r.updated_at) }]));
}

/** Conversations' messages as the episode rules read them, oldest first (rebuilds only). */
export async function conversationTimelines(tx: TenantTx, workspaceId: string, conversationIds: string[]): Promise<Map<string, Omit<EpisodeMessage, 'conversationId'>[]>> {
  const byConversation = new Map<string, Omit<EpisodeMessage, 'conversationId'>[]>();
  if (!conversationIds.length) return byConversation;
  const { rows } = await sql<{ conversation_id: string; channel_id: string; direction: 'inbound' | 'outbound'; sent_at: Date; automated: boolean; agent_id: string | null }>`
    select m.conversation_id, m.channel_id, m.direction, m.sent_at, m.automation is not null as automated,
      (select a.actor_id from audit_events a where a.workspace_id = m.workspace_id and a.action = 'message.send' and a.target_id = m.id and a.actor_type = 'user' limit 1) as agent_id
    from messages m where m.workspace_id = ${workspaceId} and m.conversation_id = any(${conversationIds}::text[]) order by m.conversation_id, m.sent_at, m.id`.execute(tx);
  for (const r of rows) {
    const list = byConversation.get(r.conversation_id) ?? [];
    list.push({ channelId: r.channel_id, direction: r.direction, sentAt: new Date(r.sent_at), automated: r.automated, agentId: r.agent_id });
    byConversation.set(r.conversation_id, list);
  }
  return byConversation;
}

export async function conversationIdsAfter(tx: TenantTx, workspaceId: string, afterId: string, limit: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from conversations where workspace_id = ${workspaceId} and id > ${afterId} order by id limit ${limit}`.execute(tx);
  return rows.map((r) => r.id);
}

/** Consent ledger entries of some contacts (all when `contactIds` is null), in chain order. */
export async function consentEntries(tx: TenantTx, workspaceId: string, contactIds: string[] | null) {
  const { rows } = await sql<{ contact_id: string; purpose: string; seq: number; granted: boolean; at: Date }>`
    select contact_id, purpose, seq, granted, at from consent_entries
    where workspace_id = ${workspaceId} ${contactIds ? sql`and contact_id = any(${contactIds}::text[])` : sql``}
    order by contact_id, purpose, seq`.execute(tx);
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}
