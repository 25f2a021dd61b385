import { z } from 'zod';
import { listResponse, pageQuery, type AppInstance } from '../../platform/http';
import { actorOf, requirePrincipal } from '../auth';
import type { InboxDeps } from './deps';
import { labelView, toLabelView } from './label-view';
import { cannedResponseView, createCannedResponse, listWorkspaceCannedResponses, patchCannedResponse, removeCannedResponse, toCannedResponseView } from './manage-canned-responses';
import { createLabel, listWorkspaceLabels, patchLabel, removeLabel } from './manage-labels';

const idParams = z.object({ id: z.string() });
const labelName = z.string().trim().min(1).max(50);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb').transform((c) => c.toLowerCase());
const shortcut = z.string().trim().min(1).max(50);
const cannedText = z.string().min(1).max(4096);

/** Labels and canned responses: every member who reads the inbox may use them; who manages them is in the permission matrix. */
export function registerLabelRoutes(app: AppInstance, deps: InboxDeps): void {
  const tags = ['inbox'];
  app.get('/api/v1/labels', { config: { access: 'inbox.read' }, schema: { tags, description: 'Sorted by name.', querystring: pageQuery, response: { 200: listResponse(labelView) } } }, async (request) => {
    const page = await listWorkspaceLabels(deps, requirePrincipal(request).workspaceId, request.query);
    return { data: page.data.map(toLabelView), nextCursor: page.nextCursor };
  });
  app.post('/api/v1/labels', { config: { access: 'labels.manage' }, schema: { tags, description: 'A duplicate name → 409 label_exists.', body: z.object({ name: labelName, color: color.optional() }), response: { 201: labelView } } }, async (request, reply) => {
    const p = requirePrincipal(request);
    return reply.status(201).send(toLabelView(await createLabel(deps, p.workspaceId, actorOf(p), request.body)));
  });
  app.patch('/api/v1/labels/:id', { config: { access: 'labels.manage' }, schema: { tags, description: 'A rename is applied to every conversation carrying the label.', params: idParams, body: z.object({ name: labelName, color }).partial(), response: { 200: labelView } } }, async (request) => {
    const p = requirePrincipal(request);
    return toLabelView(await patchLabel(deps, p.workspaceId, actorOf(p), request.params.id, request.body));
  });
  app.delete('/api/v1/labels/:id', { config: { access: 'labels.manage' }, schema: { tags, description: 'Also removes the label from every conversation.', params: idParams } }, async (request, reply) => {
    const p = requirePrincipal(request);
    await removeLabel(deps, p.workspaceId, actorOf(p), request.params.id);
    return reply.status(204).send();
  });

  app.get('/api/v1/canned-responses', { config: { access: 'inbox.read' }, schema: { tags, description: 'Sorted by shortcut; `q` matches shortcut or text (case-insensitive).', querystring: pageQuery.extend({ q: z.string().max(200).optional() }), response: { 200: listResponse(cannedResponseView) } } }, async (request) => {
    const page = await listWorkspaceCannedResponses(deps, requirePrincipal(request).workspaceId, request.query);
    return { data: page.data.map(toCannedResponseView), nextCursor: page.nextCursor };
  });
  app.post('/api/v1/canned-responses', { config: { access: 'cannedResponses.manage' }, schema: { tags, description: 'A duplicate shortcut → 409 canned_response_exists.', body: z.object({ shortcut, text: cannedText }), response: { 201: cannedResponseView } } }, async (request, reply) => {
    const p = requirePrincipal(request);
    return reply.status(201).send(toCannedResponseView(await createCannedResponse(deps, p.workspaceId, actorOf(p), request.body)));
  });
  app.patch('/api/v1/canned-responses/:id', { config: { access: 'cannedResponses.manage' }, schema: { tags, params: idParams, body: z.object({ shortcut, text: cannedText }).partial(), response: { 200: cannedResponseView } } }, async (request) => {
    const p = requirePrincipal(request);
    return toCannedResponseView(await patchCannedResponse(deps, p.workspaceId, actorOf(p), request.params.id, request.body));
  });
  app.delete('/api/v1/canned-responses/:id', { config: { access: 'cannedResponses.manage' }, schema: { tags, params: idParams } }, async (request, reply) => {
    const p = requirePrincipal(request);
    await removeCannedResponse(deps, p.workspaceId, actorOf(p), request.params.id);
    return reply.status(204).send();
  });
}
