import { z } from 'zod';
import { decodeCursor, encodeCursor, listResponse, pageQuery, type AppInstance } from '../../../platform/http';
import { actorOf, requirePrincipal } from '../../auth';
import { conversationScope, getConversation } from '../../inbox';
import type { MessagesDeps } from '../deps';
import { readMedia } from '../media/read-media';
import { messageView } from './message-view';
import { getMessage, listMessagesFor, searchMessages } from './read-messages';

const idParams = z.object({ id: z.string() });

/** Reading stored messages and media, within the reader's conversation scope. */
export function registerMessageReadRoutes(app: AppInstance, deps: MessagesDeps): void {
  app.get('/api/v1/conversations/:id/messages', { config: { access: 'inbox.read' }, schema: { tags: ['inbox'], params: idParams, querystring: pageQuery, response: { 200: listResponse(messageView) } } }, async (request) => {
    const p = requirePrincipal(request);
    await getConversation(deps.inbox, p.workspaceId, request.params.id, await conversationScope(deps.inbox, p));
    const cursor = decodeCursor(request.query.cursor);
    const { views, more } = await listMessagesFor(deps, p.workspaceId, actorOf(p), { conversationId: request.params.id, limit: request.query.limit, before: cursor ? { sentAt: new Date(cursor.at), id: cursor.id } : undefined });
    const last = views[views.length - 1];
    return { data: views, nextCursor: more && last ? encodeCursor({ at: last.timestamp, id: last.id }) : null };
  });

  app.get('/api/v1/messages/search', { config: { access: 'inbox.read' }, schema: { tags: ['inbox'], description: 'Every word must match (NFKC, lower case, marks stripped), newest first. No word (or no q) finds nothing.', querystring: z.object({ q: z.string().max(500).default(''), limit: pageQuery.shape.limit }), response: { 200: z.object({ data: z.array(messageView) }) } } }, async (request) => {
    const p = requirePrincipal(request);
    return { data: await searchMessages(deps, p.workspaceId, actorOf(p), request.query.q, request.query.limit, await conversationScope(deps.inbox, p)) };
  });

  app.get('/api/v1/messages', {
    config: { access: 'inbox.read' },
    schema: { tags: ['inbox'], querystring: pageQuery.extend({ wamid: z.string().max(200).optional(), contactId: z.string().max(100).optional(), conversationId: z.string().max(100).optional(), direction: z.enum(['inbound', 'outbound']).optional() }), response: { 200: listResponse(messageView) } },
  }, async (request) => {
    const p = requirePrincipal(request);
    const { cursor, limit, ...filter } = request.query;
    const c = decodeCursor(cursor);
    const scope = await conversationScope(deps.inbox, p);
    const { views, more } = await listMessagesFor(deps, p.workspaceId, actorOf(p), { ...filter, ...(scope ? { assigneeId: scope.assigneeId } : {}), limit, before: c ? { sentAt: new Date(c.at), id: c.id } : undefined });
    const last = views[views.length - 1];
    return { data: views, nextCursor: more && last ? encodeCursor({ at: last.timestamp, id: last.id }) : null };
  });

  app.get('/api/v1/messages/:id', { config: { access: 'inbox.read' }, schema: { tags: ['inbox'], params: idParams, response: { 200: messageView } } }, async (request) => {
    const p = requirePrincipal(request);
    return getMessage(deps, p.workspaceId, actorOf(p), request.params.id, await conversationScope(deps.inbox, p));
  });

  app.get('/api/v1/media/:id', { config: { access: 'inbox.read' }, schema: { tags: ['inbox'], description: 'Streams a stored medium (decrypted) to members who may read the inbox.', params: idParams } }, async (request, reply) => {
    const p = requirePrincipal(request);
    const media = await readMedia(deps, p.workspaceId, actorOf(p), request.params.id, await conversationScope(deps.inbox, p));
    return reply.type(media.mimeType).header('cache-control', 'private, no-store').send(media.bytes);
  });
}
