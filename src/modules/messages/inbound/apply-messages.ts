import { newId, type TenantTx } from '../../../platform/db';
import { publishEvents, type EventDataByType } from '../../../platform/events';
import { enqueue, jobCatalog } from '../../../platform/jobs';
import { type InboundItem, type RejectItem, metaId } from '../../channels';
import { addIdentity, consentKeyword, recordConsent, resolveContacts } from '../../contacts';
import { upsertConversations, type ConversationTouch } from '../../inbox';
import { PAYLOAD_CONTEXT, type MessagesDeps } from '../deps';
import { insertMedia } from '../media/media.repository';
import { findMessagesByWamid, insertMessages, type NewMessage } from '../message.repository';
import { normalizeMessage, type NormalizedMessage } from './normalize-message';
import { applyReactions } from './apply-reactions';
import { applyAmendments, isAmendment, reconcileAmendments } from './apply-amendments';
import type { InboundMessageRef } from './inbound-hook';

type MessageItem = Extract<InboundItem, { kind: 'message' }>;
const FEP_MS = 72 * 3_600_000;

/**
 * Inbound messages of a batch: deduplicated by (workspace, wamid), contacts resolved BSUID first,
 * conversations opened or reopened with windows from Meta's timestamps, content sealed under the
 * contact's key, words indexed, media fetch jobs queued, consent keywords recorded, events published.
 */
export async function applyMessages(deps: MessagesDeps, tx: TenantTx, workspaceId: string, items: MessageItem[], reject: RejectItem): Promise<void> {
  const now = deps.clock.now();
  const seen = new Set<string>();
  const fresh: { item: MessageItem; m: NormalizedMessage }[] = [];
  for (const item of items) {
    const m = normalizeMessage(item.message, now);
    if (!m) reject(item, 'message_without_id');
    if (!m || seen.has(m.wamid)) continue;
    seen.add(m.wamid);
    fresh.push({ item, m });
  }
  const stored = new Set((await findMessagesByWamid(tx, workspaceId, [...seen])).map((r) => r.wamid));
  const todo = fresh.filter((f) => !stored.has(f.m.wamid));
  if (!todo.length) return;

  const contacts = await resolveContacts(deps.contacts, tx, workspaceId, todo.map(({ item }) => ({ bsuid: item.userId, waId: item.waId, profileName: item.profileName, username: item.username })));
  // A reaction to a message we never stored (sent from another app, or before the number was
  // connected) has nothing to attach to: it is kept as a message of its own, naming its target.
  const targetOf = (m: NormalizedMessage) => (m.type === 'reaction' ? metaId((m.content.reaction as { message_id?: unknown } | undefined)?.message_id) : undefined);
  const targets = todo.map(({ m }) => targetOf(m)).filter((w): w is string => !!w);
  const knownTargets = new Set([...seen, ...(await findMessagesByWamid(tx, workspaceId, targets)).map((r) => r.wamid)]);
  const reactions = [];
  const amendments = [];
  const rows: (NewMessage & { m: NormalizedMessage; keyId: string })[] = [];
  const touches = new Map<string, ConversationTouch>();
  for (let i = 0; i < todo.length; i++) {
    const { item, m } = todo[i]!;
    const contact = contacts[i];
    if (!contact) {
      reject(item, 'no_customer_identity');
      continue;
    }
    if (m.type === 'reaction') {
      const target = targetOf(m);
      if (!target) {
        reject(item, 'reaction_without_target');
        continue;
      }
      reactions.push({ m, contact, channelId: item.channel.channelId });
      if (knownTargets.has(target)) continue;
    }
    if (isAmendment(m)) {
      amendments.push({ m, contact });
      continue;
    }
    const key = `${contact.contactId}/${item.channel.channelId}`;
    const touch = touches.get(key) ?? { contactId: contact.contactId, channelId: item.channel.channelId, lastMessageAt: m.timestamp, customerAt: m.timestamp, reopen: true };
    if (m.timestamp > touch.lastMessageAt) touch.lastMessageAt = touch.customerAt = m.timestamp;
    if (m.referral) {
      const fep = new Date(m.timestamp.getTime() + FEP_MS);
      if (!touch.freeEntryPointExpiresAt || fep > touch.freeEntryPointExpiresAt) touch.freeEntryPointExpiresAt = fep;
    }
    touches.set(key, touch);
    rows.push({
      workspace_id: workspaceId,
      id: newId(m.timestamp.getTime()),
      wamid: m.wamid,
      channel_id: item.channel.channelId,
      conversation_id: key,
      contact_id: contact.contactId,
      direction: 'inbound',
      type: m.type,
      status: 'received',
      payload: null,
      sent_at: m.timestamp,
      status_history: [{ status: 'received', at: m.timestamp.toISOString() }],
      m,
      keyId: contact.keyId,
    });
  }
  const conversations = await upsertConversations(tx, workspaceId, [...touches.values()], now);
  const convOf = new Map(conversations.map((c) => [`${c.contact_id}/${c.channel_id}`, c.id]));
  for (const row of rows) {
    row.conversation_id = convOf.get(row.conversation_id)!;
    const { content, context, referral, errors } = row.m;
    row.payload = await deps.keyring.encryptJson(tx, workspaceId, row.keyId, { content, context, referral, errors }, PAYLOAD_CONTEXT);
  }
  const words = await deps.keyring.blindSearchTokensOf(tx, workspaceId, rows.map((row) => row.m.searchText ?? ''));
  const inserted = await insertMessages(tx, rows.map(({ m: _m, keyId: _k, ...r }, i) => ({ ...r, words: words[i]! })));
  const media = [];
  const created: EventDataByType['message.created'][] = [];
  const hooked: InboundMessageRef[] = [];
  for (const row of rows) {
    if (!inserted.has(row.id)) continue;
    const { m } = row;
    if (m.media) {
      const mediaId = newId();
      media.push({ workspace_id: workspaceId, id: mediaId, message_id: row.id, contact_id: row.contact_id, channel_id: row.channel_id, meta_media_id: m.media.id, mime_type: m.media.mime_type ?? null, sha256: m.media.sha256 ?? null, status: 'pending' as const });
      await enqueue(tx, jobCatalog.mediaFetch, { workspaceId, mediaId }, { workspaceId });
    }
    await applySideEffects(deps, tx, workspaceId, row.contact_id, row.id, m);
    created.push({ messageId: row.id, conversationId: row.conversation_id, contactId: row.contact_id, channelId: row.channel_id, direction: 'inbound' });
    if (m.type !== 'reaction') hooked.push({ messageId: row.id, conversationId: row.conversation_id, contactId: row.contact_id, channelId: row.channel_id, type: m.type, at: m.timestamp, text: m.searchText ?? null });
  }
  await insertMedia(tx, media);
  await publishEvents(tx, workspaceId, [
    ...created.map((data) => ({ type: 'message.created' as const, data })),
    ...conversations.map((c) => ({ type: 'conversation.updated' as const, data: { conversationId: c.id } })),
  ]);
  await applyReactions(deps, tx, workspaceId, reactions);
  // An edit or revoke that arrived before its original is applied now that the original is stored.
  await reconcileAmendments(deps, tx, workspaceId, rows.filter((row) => inserted.has(row.id)));
  await applyAmendments(deps, tx, workspaceId, amendments);
  for (const hook of deps.inboundHooks ?? []) await hook(tx, workspaceId, hooked);
}

/** Consent keywords and identity changes carried by a new message. */
async function applySideEffects(deps: MessagesDeps, tx: TenantTx, workspaceId: string, contactId: string, messageId: string, m: NormalizedMessage): Promise<void> {
  const body = m.type === 'text' ? (m.content.text as { body?: unknown } | undefined)?.body : undefined;
  const keyword = typeof body === 'string' ? consentKeyword(body) : null;
  if (keyword) await recordConsent(tx, workspaceId, { contactId, purpose: 'marketing', granted: keyword === 'opt_in', source: 'keyword', reference: messageId, at: m.timestamp });
  if (m.type === 'system') {
    const system = m.content.system as { type?: string; wa_id?: string; user_id?: string } | undefined;
    if (system?.type === 'user_changed_number' && system.wa_id) await addIdentity(deps.contacts, tx, workspaceId, contactId, 'wa_id', system.wa_id);
    if (system?.type === 'user_changed_user_id' && system.user_id) await addIdentity(deps.contacts, tx, workspaceId, contactId, 'bsuid', system.user_id);
  }
}
