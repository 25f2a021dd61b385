import { z } from 'zod';
import { decodeCursor, listResponse, pageOf, pageQuery, registerErrorStatuses, type AppInstance } from '../../platform/http';
import { actorOf, requirePrincipal } from '../auth';
import { conversationScope } from './conversation-scope';
import type { InboxDeps } from './deps';
import { conversationView, getConversation, listWorkspaceConversations, patchConversation, toConversationView } from './manage-conversations';
import { registerLabelRoutes } from './labels.routes';
import { addNote, listNotes } from './notes';
import { inboxErrorStatuses } from './error-statuses';

const idParams = z.object({ id: z.string() });
const noteView = z.object({ id: z.string(), conversationId: z.string(), authorId: z.string().nullable(), body: z.string(), createdAt: z.string() });

export function registerInboxRoutes(app: AppInstance, deps: InboxDeps): void {
  registerErrorStatuses(app, inboxErrorStatuses);
  registerLabelRoutes(app, deps);
  app.get('/api/v1/conversations', {
    config: { access: 'inbox.read' },
    schema: { tags: ['inbox'], querystring: pageQuery.extend({ status: z.enum(['open', 'pending', 'resolved']).optional(), assignee: z.string().max(100).optional(), label: z.string().max(100).optional(), contactId: z.string().max(100).optional().describe('Only this contact\'s conversations.'), q: z.string().max(200).optional().describe('The customer\'s name words (or their first 3+ letters), phone digits, phone number or BSUID, as in the contact list.') }), response: { 200: listResponse(conversationView) } },
  }, async (request) => {
    const p = requirePrincipal(request);
    const q = request.query;
    const assignee = q.assignee === 'none' ? ({ kind: 'none' } as const) : q.assignee ? ({ kind: 'member', id: q.assignee === 'me' ? (p.userId ?? '') : q.assignee } as const) : undefined;
    const scope = await conversationScope(deps, p);
    const rows = await listWorkspaceConversations(deps, p.workspaceId, { status: q.status, assignee, label: q.label, contactId: q.contactId, q: q.q, ...(scope ? { onlyAssignedTo: scope.assigneeId } : {}), before: decodeCursor(q.cursor)?.id, limit: q.limit + 1 });
    const page = pageOf(rows, q.limit, (r) => ({ at: r.created_at.toISOString(), id: r.id }));
    return { data: page.data.map(toConversationView), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/conversations/:id', { config: { access: 'inbox.read' }, schema: { tags: ['inbox'], params: idParams, response: { 200: conversationView } } }, async (request) => {
    const p = requirePrincipal(request);
    return toConversationView(await getConversation(deps, p.workspaceId, request.params.id, await conversationScope(deps, p)));
  });

  app.patch('/api/v1/conversations/:id', {
    config: { access: 'inbox.write' },
    schema: { tags: ['inbox'], description: 'assigneeId: a member of the workspace (GET /api/v1/members), or null to unassign; anyone else → 422 assignee_not_member. Labels must exist (422 unknown_label).', params: idParams, body: z.object({ status: z.enum(['open', 'pending', 'resolved']), assigneeId: z.string().max(100).nullable(), labels: z.array(z.string().min(1).max(50)).max(50) }).partial(), response: { 200: conversationView } },
  }, async (request) => {
    const p = requirePrincipal(request);
    await getConversation(deps, p.workspaceId, request.params.id, await conversationScope(deps, p));
    return toConversationView(await patchConversation(deps, p.workspaceId, actorOf(p), request.params.id, request.body));
  });

  app.get('/api/v1/conversations/:id/notes', { config: { access: 'inbox.read' }, schema: { tags: ['inbox'], description: 'Newest first.', params: idParams, querystring: pageQuery, response: { 200: listResponse(noteView) } } }, async (request) => {
    const p = requirePrincipal(request);
    await getConversation(deps, p.workspaceId, request.params.id, await conversationScope(deps, p));
    const { limit, cursor } = request.query;
    const notes = await listNotes(deps, p.workspaceId, request.params.id, { before: decodeCursor(cursor), limit: limit + 1 });
    return pageOf(notes, limit, (n) => ({ at: n.createdAt, id: n.id }));
  });

  app.post('/api/v1/conversations/:id/notes', { config: { access: 'inbox.write' }, schema: { tags: ['inbox'], params: idParams, body: z.object({ body: z.string().min(1).max(10_000) }), response: { 201: noteView } } }, async (request, reply) => {
    const p = requirePrincipal(request);
    await getConversation(deps, p.workspaceId, request.params.id, await conversationScope(deps, p));
    return reply.status(201).send(await addNote(deps, p.workspaceId, actorOf(p), request.params.id, request.body.body));
  });
}
