import { z } from 'zod';
import { decodeCursor, listResponse, pageOf, pageQuery, registerErrorStatuses, type AppInstance } from '../../platform/http';
import { createApiKey, listKeys, revokeKey } from './api-keys';
import { requirePrincipal } from './auth-hook';
import { idParams, roleSchema } from './auth.schemas';
import { actorOf, type AuthDeps } from './deps';
import { authErrors } from './errors';
import { acceptInvitation, inviteMember } from './invitations';
import { changeMemberRole, listWorkspaceMembers, removeMember } from './members';
import { authErrorStatuses } from './error-statuses';

const apiKeyView = z.object({ id: z.string(), name: z.string(), role: roleSchema, prefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() });
const memberView = z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema, joinedAt: z.string() });

/** API keys, members and invitations of the current workspace. */
export function registerTeamRoutes(app: AppInstance, deps: AuthDeps): void {
  registerErrorStatuses(app, authErrorStatuses);
  app.post('/api/v1/api-keys', {
    config: { access: 'apiKeys.manage' },
    schema: { tags: ['api keys'], body: z.object({ name: z.string().trim().min(1).max(100), role: roleSchema }), response: { 201: z.object({ id: z.string(), key: z.string(), name: z.string(), role: roleSchema }) } },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    if (request.body.role === 'owner' && principal.role !== 'owner') throw authErrors.roleNotAssignable();
    return reply.status(201).send(await createApiKey(deps, principal.workspaceId, actorOf(principal), request.body));
  });

  app.get('/api/v1/api-keys', { config: { access: 'apiKeys.manage' }, schema: { tags: ['api keys'], description: 'Newest first, revoked keys included.', querystring: pageQuery, response: { 200: listResponse(apiKeyView) } } }, async (request) => {
    const { limit, cursor } = request.query;
    const rows = await listKeys(deps, requirePrincipal(request).workspaceId, { before: decodeCursor(cursor)?.id, limit: limit + 1 });
    const page = pageOf(rows, limit, (r) => ({ at: r.created_at.toISOString(), id: r.id }));
    return { nextCursor: page.nextCursor, data: page.data.map((r) => ({ id: r.id, name: r.name, role: r.role, prefix: r.prefix, createdAt: r.created_at.toISOString(), lastUsedAt: r.last_used_at?.toISOString() ?? null, revokedAt: r.revoked_at?.toISOString() ?? null })) };
  });

  app.delete('/api/v1/api-keys/:id', { config: { access: 'apiKeys.manage' }, schema: { tags: ['api keys'], params: idParams } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    await revokeKey(deps, principal.workspaceId, actorOf(principal), request.params.id);
    return reply.status(204).send();
  });

  app.get('/api/v1/members', { config: { access: 'members.read' }, schema: { tags: ['members'], description: 'In joining order, oldest first.', querystring: pageQuery, response: { 200: listResponse(memberView) } } }, async (request) => {
    const { limit, cursor } = request.query;
    const rows = await listWorkspaceMembers(deps, requirePrincipal(request).workspaceId, { after: decodeCursor(cursor), limit: limit + 1 });
    const page = pageOf(rows, limit, (r) => ({ at: r.created_at.toISOString(), id: r.id }));
    return { nextCursor: page.nextCursor, data: page.data.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, joinedAt: r.created_at.toISOString() })) };
  });

  app.patch('/api/v1/members/:id', {
    config: { access: 'members.manage' },
    schema: { tags: ['members'], params: idParams, body: z.object({ role: roleSchema }), response: { 200: z.object({ id: z.string(), role: roleSchema }) } },
  }, async (request) => {
    const principal = requirePrincipal(request);
    await changeMemberRole(deps, principal.workspaceId, { ...actorOf(principal), role: principal.role }, request.params.id, request.body.role);
    return { id: request.params.id, role: request.body.role };
  });

  app.delete('/api/v1/members/:id', { config: { access: 'members.manage' }, schema: { tags: ['members'], params: idParams } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    await removeMember(deps, principal.workspaceId, { ...actorOf(principal), role: principal.role }, request.params.id);
    return reply.status(204).send();
  });

  app.post('/api/v1/invitations', {
    config: { access: 'members.manage' },
    schema: { tags: ['members'], body: z.object({ email: z.string().trim().email().max(254), role: z.enum(['admin', 'agent', 'analyst']) }), response: { 201: z.object({ id: z.string(), acceptUrl: z.string() }) } },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    return reply.status(201).send(await inviteMember(deps, principal.workspaceId, { ...actorOf(principal), role: principal.role }, request.body));
  });

  app.post('/api/v1/invitations/:token/accept', {
    config: { access: 'authenticated' },
    schema: { tags: ['members'], params: z.object({ token: z.string() }), response: { 200: z.object({ workspaceId: z.string(), role: roleSchema }) } },
  }, async (request) => {
    if (!request.session) throw authErrors.invitationEmailMismatch();
    return acceptInvitation(deps, request.session.userId, request.params.token, request.ip);
  });
}
