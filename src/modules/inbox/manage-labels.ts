import { newId, withTenant } from '../../platform/db';
import { publishEvents } from '../../platform/events';
import type { Actor } from '../privacy';
import { removeLabelFromConversations, renameLabelOnConversations } from './conversation.repository';
import type { InboxDeps } from './deps';
import { inboxErrors } from './errors';
import { nameCursor } from './name-cursor';
import { deleteLabel, findLabel, insertLabel, listLabels, updateLabel } from './label.repository';
import type { LabelRow } from './tables';

/** Labels keep their name as the key conversations carry, so the default colour is only a display hint. */
export const DEFAULT_LABEL_COLOR = '#64748b';

export async function listWorkspaceLabels(deps: InboxDeps, workspaceId: string, page: { cursor?: string; limit: number }): Promise<{ data: LabelRow[]; nextCursor: string | null }> {
  const rows = await withTenant(deps.db, workspaceId, (tx) => listLabels(tx, workspaceId, { after: nameCursor.decode(page.cursor), limit: page.limit + 1 }));
  return nameCursor.page(rows, page.limit, (r) => r.name);
}

export async function createLabel(deps: InboxDeps, workspaceId: string, actor: Actor, input: { name: string; color?: string }): Promise<LabelRow> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const row = { workspace_id: workspaceId, id: newId(), name: input.name, color: input.color ?? DEFAULT_LABEL_COLOR, created_at: deps.clock.now() };
    if (!(await insertLabel(tx, row))) throw inboxErrors.labelExists();
    await deps.audit.record(tx, workspaceId, actor, { action: 'label.create', target: { type: 'label', id: row.id } });
    return { ...row, updated_at: row.created_at };
  });
}

/** A rename is carried to every conversation with the label, in the same transaction. */
export async function patchLabel(deps: InboxDeps, workspaceId: string, actor: Actor, id: string, patch: { name?: string; color?: string }): Promise<LabelRow> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const before = await findLabel(tx, workspaceId, id);
    if (!before) throw inboxErrors.labelNotFound();
    const now = deps.clock.now();
    if (!(await updateLabel(tx, workspaceId, id, patch, now))) throw inboxErrors.labelExists();
    const renamed = patch.name !== undefined && patch.name !== before.name ? await renameLabelOnConversations(tx, workspaceId, before.name, patch.name, now) : [];
    await publishEvents(tx, workspaceId, renamed.map((conversationId) => ({ type: 'conversation.updated' as const, data: { conversationId } })));
    await deps.audit.record(tx, workspaceId, actor, { action: 'label.update', target: { type: 'label', id }, details: { fields: Object.keys(patch), conversations: renamed.length } });
    return (await findLabel(tx, workspaceId, id))!;
  });
}

/** Deleting a label takes it off every conversation. */
export async function removeLabel(deps: InboxDeps, workspaceId: string, actor: Actor, id: string): Promise<void> {
  await withTenant(deps.db, workspaceId, async (tx) => {
    const label = await findLabel(tx, workspaceId, id);
    if (!label) throw inboxErrors.labelNotFound();
    await deleteLabel(tx, workspaceId, id);
    const touched = await removeLabelFromConversations(tx, workspaceId, label.name, deps.clock.now());
    await publishEvents(tx, workspaceId, touched.map((conversationId) => ({ type: 'conversation.updated' as const, data: { conversationId } })));
    await deps.audit.record(tx, workspaceId, actor, { action: 'label.delete', target: { type: 'label', id }, details: { conversations: touched.length } });
  });
}
