import { z } from 'zod';
import { withTenant } from '../../platform/db';
import { notFound, registerErrorStatuses, type AppInstance } from '../../platform/http';
import { setSessionWorkspace, unsafeFindUserById } from './account.repository';
import { requireAgeConfirmation } from './age-confirmation';
import { assertSameOrigin } from './auth-hook';
import { logInBody, meResponse, signUpBody } from './auth.schemas';
import { permissionsOf } from './permissions';
import type { AuthDeps } from './deps';
import { authErrors } from './errors';
import { logIn } from './log-in';
import { setSessionCookie } from './session-cookie';
import { endSession, SESSION_COOKIE } from './sessions';
import { signUp } from './sign-up';
import { findWorkspace, unsafeListWorkspacesOfUser } from './workspace.repository';
import { authErrorStatuses } from './error-statuses';

export function registerAuthRoutes(app: AppInstance, deps: AuthDeps): void {
  registerErrorStatuses(app, authErrorStatuses);

  app.post('/api/v1/auth/signup', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], body: signUpBody, response: { 201: z.object({ userId: z.string(), workspaceId: z.string() }) } },
    preValidation: requireAgeConfirmation,
  }, async (request, reply) => {
    assertSameOrigin(request);
    const result = await signUp(deps, { ...request.body, ip: request.ip });
    setSessionCookie(reply, deps.publicUrl, result.session);
    return reply.status(201).send({ userId: result.userId, workspaceId: result.workspaceId });
  });

  app.post('/api/v1/auth/login', {
    config: { access: 'public' },
    schema: {
      tags: ['accounts'],
      description: 'At most 5 attempts per 15 minutes per email and per client address, counted before the password is checked (a success gives its attempt back). Past that → 429 too_many_attempts with details.retryAfterSeconds, even with the right password.',
      body: logInBody,
      response: { 200: z.object({ userId: z.string() }) },
    },
  }, async (request, reply) => {
    assertSameOrigin(request);
    const result = await logIn(deps, { ...request.body, ip: request.ip });
    setSessionCookie(reply, deps.publicUrl, result.session);
    return { userId: result.userId };
  });

  app.post('/api/v1/auth/logout', { config: { access: 'authenticated' }, schema: { tags: ['accounts'] } }, async (request, reply) => {
    if (request.session) await endSession(deps.db, request.session.idHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/v1/me', { config: { access: 'authenticated' }, schema: { tags: ['accounts'], response: { 200: meResponse } } }, async (request) => {
    const principal = request.principal;
    if (!request.session) {
      const workspace = await withTenant(deps.db, principal!.workspaceId, (tx) => findWorkspace(tx, principal!.workspaceId));
      return { user: null, workspaces: workspace ? [{ id: workspace.workspace_id, name: workspace.name, role: principal!.role }] : [], currentWorkspaceId: principal!.workspaceId, role: principal!.role, mode: deps.mode, csrfToken: null, permissions: permissionsOf(principal!.role) };
    }
    const user = await unsafeFindUserById(deps.db, request.session.userId);
    const workspaces = await unsafeListWorkspacesOfUser(deps.db, request.session.userId);
    return {
      user: user ? { id: user.id, email: user.email, name: user.name } : null,
      workspaces,
      currentWorkspaceId: principal?.workspaceId ?? null,
      role: principal?.role ?? null,
      mode: deps.mode,
      csrfToken: request.session.csrfToken,
      permissions: permissionsOf(principal?.role ?? null),
    };
  });

  app.post('/api/v1/me/workspace', {
    config: { access: 'authenticated' },
    schema: { tags: ['accounts'], body: z.object({ workspaceId: z.string().max(200) }), response: { 200: z.object({ currentWorkspaceId: z.string() }) } },
  }, async (request) => {
    if (!request.session) throw authErrors.csrfFailed();
    const workspaces = await unsafeListWorkspacesOfUser(deps.db, request.session.userId);
    if (!workspaces.some((w) => w.id === request.body.workspaceId)) throw notFound('workspace');
    await setSessionWorkspace(deps.db, request.session.idHash, request.body.workspaceId);
    return { currentWorkspaceId: request.body.workspaceId };
  });
}
