import { z } from 'zod';
import { withTenant, type TenantTx } from '../../platform/db';
import { publishEvent } from '../../platform/events';
import { isWorkspaceMember } from '../auth';
import { searchContactIds } from '../contacts';
import type { Actor } from '../privacy';
import { assertVisible, type ConversationScope } from './conversation-scope';
import { findConversation, listConversations, updateConversation, type ConversationFilter } from './conversation.repository';
import type { InboxDeps } from './deps';
import { inboxErrors } from './errors';
import { existingLabelNames } from './label.repository';
import type { ConversationRow } from './tables';

// A conversation search looks among this many matching customers: enough for a name typed into a
// search box, bounded so a one-letter-like query cannot expand into every contact of the workspace.
const CONVERSATION_SEARCH_CONTACTS = 500;

export const conversationView = z.object({
  id: z.string(),
  contactId: z.string(),
  channelId: z.string(),
  status: z.enum(['open', 'pending', 'resolved']),
  assigneeId: z.string().nullable(),
  labels: z.array(z.string()),
  windowExpiresAt: z.string().nullable(),
  freeEntryPointExpiresAt: z.string().nullable(),
  lastCustomerMessageAt: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toConversationView(r: ConversationRow): z.infer<typeof conversationView> {
  return {
    id: r.id,
    contactId: r.contact_id,
    channelId: r.channel_id,
    status: r.status,
    assigneeId: r.assignee_id,
    labels: r.labels,
    windowExpiresAt: iso(r.window_expires_at),
    freeEntryPointExpiresAt: iso(r.free_entry_point_expires_at),
    lastCustomerMessageAt: iso(r.last_customer_message_at),
    lastMessageAt: iso(r.last_message_at),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

/** Conversations by filter; `q` finds the customer as the contact list does, `contactId` narrows to one customer. */
export function listWorkspaceConversations(deps: InboxDeps, workspaceId: string, filter: Omit<ConversationFilter, 'contactIds'> & { contactId?: string; q?: string }) {
  const { contactId, q, ...rest } = filter;
  return withTenant(deps.db, workspaceId, async (tx) => {
    let contactIds = contactId ? [contactId] : undefined;
    if (q?.trim()) {
      const matching = await searchContactIds(deps.contacts, tx, workspaceId, q, CONVERSATION_SEARCH_CONTACTS);
      contactIds = contactIds ? contactIds.filter((id) => matching.includes(id)) : matching;
    }
    return listConversations(tx, workspaceId, { ...rest, contactIds });
  });
}

export async function getConversation(deps: InboxDeps, workspaceId: string, id: string, scope: ConversationScope = null): Promise<ConversationRow> {
  const row = await withTenant(deps.db, workspaceId, (tx) => findConversation(tx, workspaceId, id));
  if (!row) throw inboxErrors.conversationNotFound();
  assertVisible(scope, row.assignee_id);
  return row;
}

export async function patchConversation(deps: InboxDeps, workspaceId: string, actor: Actor, id: string, patch: { status?: ConversationRow['status']; assigneeId?: string | null; labels?: string[] }): Promise<ConversationRow> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const row = await findConversation(tx, workspaceId, id);
    if (!row) throw inboxErrors.conversationNotFound();
    const set: Parameters<typeof updateConversation>[3] = {};
    if (patch.status) set.status = patch.status;
    if (patch.assigneeId !== undefined) set.assignee_id = await memberOrNobody(tx, workspaceId, patch.assigneeId);
    if (patch.labels) set.labels = await knownLabels(tx, workspaceId, patch.labels);
    await updateConversation(tx, workspaceId, id, set, deps.clock.now());
    await publishEvent(tx, workspaceId, 'conversation.updated', { conversationId: id });
    if (set.status && set.status !== row.status) await publishEvent(tx, workspaceId, 'conversation.status', { conversationId: id, status: set.status, at: deps.clock.now().toISOString() });
    await deps.audit.record(tx, workspaceId, actor, { action: 'conversation.update', target: { type: 'conversation', id }, details: { fields: Object.keys(set) } });
    return (await findConversation(tx, workspaceId, id))!;
  });
}

/** A conversation is assigned to a member of the workspace, or to nobody (null). */
async function memberOrNobody(tx: TenantTx, workspaceId: string, assigneeId: string | null): Promise<string | null> {
  if (assigneeId !== null && !(await isWorkspaceMember(tx, workspaceId, assigneeId))) throw inboxErrors.assigneeNotMember();
  return assigneeId;
}

/** A conversation carries only names of the workspace's labels (deduplicated, in the given order). */
async function knownLabels(tx: TenantTx, workspaceId: string, names: string[]): Promise<string[]> {
  const wanted = [...new Set(names)];
  const known = await existingLabelNames(tx, workspaceId, wanted);
  const unknown = wanted.filter((n) => !known.has(n));
  if (unknown.length) throw inboxErrors.unknownLabel(unknown);
  return wanted;
}
