import { z } from 'zod';
import { newId, withTenant } from '../../platform/db';
import type { Actor } from '../privacy';
import { deleteCannedResponse, findCannedResponse, insertCannedResponse, listCannedResponses, updateCannedResponse } from './canned-response.repository';
import type { CannedResponseRow } from './tables';
import type { InboxDeps } from './deps';
import { inboxErrors } from './errors';
import { nameCursor } from './name-cursor';

export const cannedResponseView = z.object({ id: z.string(), shortcut: z.string(), text: z.string(), createdAt: z.string(), updatedAt: z.string() });

export const toCannedResponseView = (r: CannedResponseRow): z.infer<typeof cannedResponseView> => ({
  id: r.id,
  shortcut: r.shortcut,
  text: r.text,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

export async function listWorkspaceCannedResponses(deps: InboxDeps, workspaceId: string, f: { q?: string; cursor?: string; limit: number }) {
  const rows = await withTenant(deps.db, workspaceId, (tx) => listCannedResponses(tx, workspaceId, { q: f.q, after: nameCursor.decode(f.cursor), limit: f.limit + 1 }));
  return nameCursor.page(rows, f.limit, (r) => r.shortcut);
}

export async function createCannedResponse(deps: InboxDeps, workspaceId: string, actor: Actor, input: { shortcut: string; text: string }): Promise<CannedResponseRow> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const now = deps.clock.now();
    const row = { workspace_id: workspaceId, id: newId(), shortcut: input.shortcut, text: input.text, created_at: now, updated_at: now };
    if (!(await insertCannedResponse(tx, row))) throw inboxErrors.cannedResponseExists();
    await deps.audit.record(tx, workspaceId, actor, { action: 'canned_response.create', target: { type: 'canned_response', id: row.id } });
    return row;
  });
}

export async function patchCannedResponse(deps: InboxDeps, workspaceId: string, actor: Actor, id: string, patch: { shortcut?: string; text?: string }): Promise<CannedResponseRow> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    if (!(await findCannedResponse(tx, workspaceId, id))) throw inboxErrors.cannedResponseNotFound();
    if (!(await updateCannedResponse(tx, workspaceId, id, patch, deps.clock.now()))) throw inboxErrors.cannedResponseExists();
    await deps.audit.record(tx, workspaceId, actor, { action: 'canned_response.update', target: { type: 'canned_response', id }, details: { fields: Object.keys(patch) } });
    return (await findCannedResponse(tx, workspaceId, id))!;
  });
}

export async function removeCannedResponse(deps: InboxDeps, workspaceId: string, actor: Actor, id: string): Promise<void> {
  await withTenant(deps.db, workspaceId, async (tx) => {
    if (!(await findCannedResponse(tx, workspaceId, id))) throw inboxErrors.cannedResponseNotFound();
    await deleteCannedResponse(tx, workspaceId, id);
    await deps.audit.record(tx, workspaceId, actor, { action: 'canned_response.delete', target: { type: 'canned_response', id } });
  });
}
