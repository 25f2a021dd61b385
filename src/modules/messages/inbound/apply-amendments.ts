import { metaId } from '../../channels';
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { TenantTx } from '../../../platform/db';
import { publishEvents } from '../../../platform/events';
import type { ResolvedContact } from '../../contacts';
import { amendmentsOf, eraseAmendmentContent, insertAmendments } from './amendment.repository';
import { AMENDMENT_CONTEXT, PAYLOAD_CONTEXT, type MessagesDeps } from '../deps';
import { findMessagesByWamid, updateMessageAmended } from '../message.repository';
import { searchTextOf, type NormalizedMessage } from './normalize-message';
import type { AmendmentRow, MessageRow } from '../tables';

type Content = Record<string, unknown>;
/** The sealed payload of a message; `history` holds the versions an edit replaced, oldest (the original) first. */
interface Payload {
  content?: Content;
  context?: unknown;
  referral?: unknown;
  errors?: unknown[];
  history?: { content: Content; at: string }[];
}

/** What reconciling needs of a stored message. */
type AmendableMessage = Pick<MessageRow, 'id' | 'wamid' | 'direction' | 'contact_id' | 'conversation_id' | 'payload' | 'sent_at'>;

export const isAmendment = (m: NormalizedMessage) => m.type === 'edit' || m.type === 'revoke';

/** The edited version carried by an edit: `{type, <type>: {...}}` as Meta sends a message. */
function editedContent(edit: any): Content | null {
  const message = edit?.message;
  if (!message || typeof message !== 'object') return null;
  const type = typeof message.type === 'string' ? message.type : Object.keys(message).find((k) => k !== 'context' && typeof message[k] === 'object');
  return type && message[type] !== undefined ? { [type]: message[type] } : null;
}

/**
 * Customer edits and deletions (`edit`, `revoke`) of their own messages: stored by their own wamid
 * (redelivery is a no-op), then applied to the original if it is stored; one arriving first waits
 * in message_amendments until `reconcileAmendments` runs for the original.
 */
export async function applyAmendments(deps: MessagesDeps, tx: TenantTx, workspaceId: string, items: { m: NormalizedMessage; contact: ResolvedContact }[]): Promise<void> {
  if (!items.length) return;
  const rows: AmendmentRow[] = [];
  for (const { m, contact } of items) {
    const body = m.content[m.type] as { original_message_id?: unknown } | undefined;
    const target = metaId(body?.original_message_id) ?? null;
    if (!target) continue;
    const edited = m.type === 'edit' ? editedContent(body) : null;
    if (m.type === 'edit' && !edited) continue;
    const content = edited ? await deps.keyring.encryptJson(tx, workspaceId, contact.keyId, edited, AMENDMENT_CONTEXT) : null;
    rows.push({ workspace_id: workspaceId, wamid: m.wamid, target_wamid: target, contact_id: contact.contactId, kind: m.type as 'edit' | 'revoke', content, amended_at: m.timestamp });
  }
  const targets = await insertAmendments(tx, rows);
  await reconcileAmendments(deps, tx, workspaceId, await findMessagesByWamid(tx, workspaceId, targets));
}

/**
 * Recomputes each message from its original and every amendment (ordered by Meta's time), so the
 * result is the same whatever the arrival order: a revoke wins and erases all content; otherwise
 * the newest edit is the content and earlier versions are kept, sealed, in `history`.
 */
export async function reconcileAmendments(deps: MessagesDeps, tx: TenantTx, workspaceId: string, messages: AmendableMessage[]): Promise<void> {
  const inbound = messages.filter((m) => m.direction === 'inbound' && m.wamid);
  const all = await amendmentsOf(tx, workspaceId, inbound.map((m) => m.wamid!));
  const updated: { messageId: string; conversationId: string }[] = [];
  const now = deps.clock.now();
  for (const message of inbound) {
    // Only the author of a message may amend it.
    const mine = all.filter((a) => a.target_wamid === message.wamid && a.contact_id === message.contact_id);
    if (!mine.length) continue;
    const edits = mine.filter((a) => a.kind === 'edit');
    const revoke = mine.find((a) => a.kind === 'revoke');
    const editedAt = edits.length ? edits[edits.length - 1]!.amended_at : null;
    if (revoke) {
      await updateMessageAmended(tx, workspaceId, message.id, { payload: null, words: [], edited_at: editedAt, deleted_at: revoke.amended_at }, now);
      await eraseAmendmentContent(tx, workspaceId, message.wamid!);
    } else {
      if (!message.payload) continue;
      const payload = await deps.keyring.decryptJson<Payload>(tx, workspaceId, message.payload, PAYLOAD_CONTEXT);
      const original = payload.history?.[0]?.content ?? payload.content ?? {};
      const versions: { content: Content; at: string }[] = [{ content: original, at: message.sent_at.toISOString() }];
      for (const edit of edits) {
        const next = await deps.keyring.decryptJson<Content>(tx, workspaceId, edit.content!, AMENDMENT_CONTEXT);
        versions.push({ content: mergeVersion(versions[versions.length - 1]!.content, next), at: edit.amended_at.toISOString() });
      }
      const latest = versions.pop()!;
      const keyId = await deps.keyring.dataKeyForOwner(tx, workspaceId, { type: 'contact', id: message.contact_id });
      const sealed = await deps.keyring.encryptJson(tx, workspaceId, keyId, { ...payload, content: latest.content, history: versions }, PAYLOAD_CONTEXT);
      const [type] = Object.keys(latest.content);
      const [words] = await deps.keyring.blindSearchTokensOf(tx, workspaceId, [(type && searchTextOf(type, latest.content[type])) ?? '']);
      await updateMessageAmended(tx, workspaceId, message.id, { payload: sealed, words: words!, edited_at: editedAt, deleted_at: null }, now);
    }
    updated.push({ messageId: message.id, conversationId: message.conversation_id });
  }
  await publishEvents(tx, workspaceId, updated.map((data) => ({ type: 'message.updated' as const, data })));
}

/** An edit of the same type keeps the fields it does not repeat (a caption edit keeps the image). */
function mergeVersion(previous: Content, next: Content): Content {
  const [type] = Object.keys(next);
  const before = type ? previous[type] : undefined;
  if (!type || !before || typeof before !== 'object' || typeof next[type] !== 'object') return next;
  return { [type]: { ...(before as object), ...(next[type] as object) } };
}
