/* eslint-disable @typescript-eslint/no-explicit-any */
import { newId, type TenantTx } from '../../../platform/db';
import { publishEvents } from '../../../platform/events';
import { classifyGraphError, type InboundItem, type RejectItem, metaId, metaText, metaTime } from '../../channels';
import { resolveContacts } from '../../contacts';
import { upsertConversations } from '../../inbox';
import type { MessagesDeps } from '../deps';
import { insertMessages, lockMessagesForStatus, updateMessageStatuses, type StatusRow } from '../message.repository';
import { isKnownStatus, nextStatus } from './status-ladder';
import type { MessageRow } from '../tables';

type StatusItem = Extract<InboundItem, { kind: 'status' }>;

// Meta's typed fields become columns read by SQL (`(pricing->>'billable')::boolean`, error codes),
// so each is coerced to its type here or dropped: a wrong type must not reach a page later.

/** An integer code, also when sent as digits in a string. */
function codeOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function booleanOf(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
}

function errorOf(s: any) {
  const e = Array.isArray(s.errors) ? s.errors[0] : undefined;
  const code = e && typeof e === 'object' ? codeOf(e.code) : undefined;
  if (code === undefined) return undefined;
  const c = classifyGraphError(code);
  return { code, title: metaText(e.title) ?? null, details: metaText(e.error_data?.details) ?? null, class: c.class, hint: c.hint };
}

function pricingOf(s: any) {
  const p = s.pricing;
  if (!p || typeof p !== 'object' || Array.isArray(p)) return undefined;
  const pricing = { category: metaText(p.category, 64), type: metaText(p.type, 64), billable: booleanOf(p.billable), model: metaText(p.pricing_model, 16) };
  return Object.values(pricing).some((v) => v !== undefined) ? pricing : undefined;
}

/**
 * Status webhooks, in any order and any number of times: (wamid, status) is recorded once in the
 * history; the status only moves up the ladder; failed is final; the first pricing is kept. A
 * status for an unknown wamid finds its message by biz_opaque_callback_data (our id) or creates
 * an outbound message of type "unknown" that later information completes. A batch costs one
 * locking read, one set-based UPDATE and one events INSERT (three statuses per send at 1,000
 * sends/s made per-row statements the campaign's bottleneck).
 */
export async function applyStatuses(deps: MessagesDeps, tx: TenantTx, workspaceId: string, items: StatusItem[], reject: RejectItem): Promise<void> {
  const now = deps.clock.now();
  const valid = items.filter((i) => {
    const reason = !metaId(i.status.id) ? 'status_without_id' : typeof i.status.status !== 'string' || !isKnownStatus(i.status.status) ? 'unknown_status' : null;
    if (reason) reject(i, reason);
    return !reason;
  });
  if (!valid.length) return;
  const wamids = [...new Set(valid.map((i) => i.status.id as string))];
  const callbackOf = new Map(valid.filter((i) => metaId(i.status.biz_opaque_callback_data)).map((i) => [i.status.biz_opaque_callback_data as string, i.status.id as string]));
  const found = await lockMessagesForStatus(tx, workspaceId, { wamids, ids: [...callbackOf.keys()] });
  const byWamid = new Map<string, StatusRow>(found.filter((r) => r.wamid).map((r) => [r.wamid!, r]));
  const dirty = new Map<string, StatusRow & { changedError?: unknown; changedPricing?: unknown; changedWamid?: string; before: string }>();
  for (const row of found) {
    const wamid = callbackOf.get(row.id);
    if (!wamid || byWamid.has(wamid)) continue;
    // Found by our id before the sender recorded Meta's: the status tells us the wamid.
    if (!row.wamid) dirty.set(row.id, { ...row, wamid, status_history: [...row.status_history], before: row.status, changedWamid: wamid });
    byWamid.set(wamid, dirty.get(row.id) ?? row);
  }
  await createUnknown(deps, tx, workspaceId, valid.filter((i) => !byWamid.has(i.status.id)), byWamid);
  // A status of a message we do not have, naming no customer we can file it under.
  for (const i of valid) if (!byWamid.has(i.status.id)) reject(i, 'no_customer_identity');

  for (const { status: s } of valid) {
    const row = byWamid.get(s.id);
    if (!row) continue;
    const d = dirty.get(row.id) ?? { ...row, status_history: [...row.status_history], before: row.status };
    if (d.status_history.some((h) => h.status === s.status)) continue;
    const at = metaTime(s.timestamp, now).toISOString();
    d.status_history.push({ status: s.status, at });
    // ISO-8601 UTC strings sort as text (localeCompare's collation was most of this function's time).
    d.status_history.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    d.status = nextStatus(d.status, s.status);
    const error = s.status === 'failed' ? errorOf(s) : undefined;
    if (error) d.changedError = error;
    const pricing = pricingOf(s);
    if (pricing && !d.has_pricing && d.changedPricing === undefined) d.changedPricing = pricing;
    dirty.set(row.id, d);
  }
  const changes = [...dirty.values()];
  await updateMessageStatuses(tx, workspaceId, changes.map((d) => ({
    id: d.id, status: d.status, status_history: d.status_history,
    ...(d.changedError !== undefined ? { error: d.changedError } : {}), ...(d.changedPricing !== undefined ? { pricing: d.changedPricing } : {}), ...(d.changedWamid ? { wamid: d.changedWamid } : {}),
  })), now);
  await publishEvents(tx, workspaceId, changes.filter((d) => d.status !== d.before).map((d) => ({ type: 'message.status' as const, data: { messageId: d.id, conversationId: d.conversation_id, status: d.status } })));
}

async function createUnknown(deps: MessagesDeps, tx: TenantTx, workspaceId: string, items: StatusItem[], byWamid: Map<string, StatusRow>): Promise<void> {
  const firsts = [...new Map(items.map((i) => [i.status.id as string, i])).values()];
  if (!firsts.length) return;
  const now = deps.clock.now();
  const contacts = await resolveContacts(deps.contacts, tx, workspaceId, firsts.map((i) => ({ waId: metaText(i.status.recipient_id, 256), bsuid: metaText(i.status.recipient_user_id, 256) })));
  const touches = new Map<string, { contactId: string; channelId: string; lastMessageAt: Date; reopen: boolean }>();
  firsts.forEach((i, n) => {
    const c = contacts[n];
    if (c) touches.set(`${c.contactId}/${i.channel.channelId}`, { contactId: c.contactId, channelId: i.channel.channelId, lastMessageAt: metaTime(i.status.timestamp, now), reopen: false });
  });
  const convOf = new Map((await upsertConversations(tx, workspaceId, [...touches.values()], now)).map((c) => [`${c.contact_id}/${c.channel_id}`, c.id]));
  const rows: MessageRow[] = [];
  firsts.forEach((i, n) => {
    const c = contacts[n];
    if (!c) return;
    const at = metaTime(i.status.timestamp, now);
    rows.push({
      workspace_id: workspaceId, id: newId(at.getTime()), wamid: i.status.id, channel_id: i.channel.channelId,
      conversation_id: convOf.get(`${c.contactId}/${i.channel.channelId}`)!, contact_id: c.contactId, direction: 'outbound', type: 'unknown',
      status: 'accepted', payload: null, error: null, pricing: null, status_history: [], words: [], automation: null, edited_at: null, deleted_at: null, sent_at: at, created_at: now, updated_at: now,
    });
  });
  const inserted = await insertMessages(tx, rows.map(({ error: _e, pricing: _p, created_at: _c, updated_at: _u, ...r }) => r));
  const created = rows.filter((r) => inserted.has(r.id));
  for (const row of created) byWamid.set(row.wamid!, { ...row, has_pricing: false });
  await publishEvents(tx, workspaceId, created.map((row) => ({ type: 'message.created' as const, data: { messageId: row.id, conversationId: row.conversation_id, contactId: row.contact_id, channelId: row.channel_id, direction: 'outbound' as const } })));
}
