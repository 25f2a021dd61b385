import type { FastifyRequest } from 'fastify';
import { withTenant } from '../../platform/db';
import { forbidden, unauthenticated, registerErrorStatuses, type AppInstance } from '../../platform/http';
import { authenticateApiKey } from './api-keys';
import type { AuthDeps, Principal } from './deps';
import { authErrors } from './errors';
import { accessDescription } from './permission-docs';
import { can, type Permission } from './permissions';
import { findSession, SESSION_COOKIE } from './sessions';
import { csrfTokenFor, safeEqual } from './secrets';
import { findMembership } from './workspace.repository';
import { authErrorStatuses } from './error-statuses';

/**
 * Every /api route declares `config.permission`: a permission of the matrix, 'authenticated'
 * (any signed-in person or key, e.g. /me), or 'public'. A route without one refuses to register,
 * so no route can be forgotten.
 */
export type RouteAccess = Permission | 'authenticated' | 'public';

export interface SessionInfo {
  userId: string;
  idHash: string;
  csrfToken: string;
  currentWorkspaceId: string | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
    session: SessionInfo | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated();
  return request.principal;
}

/** Sign-up and login carry no CSRF token (there is no session yet), so they must be same-origin. */
export function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  try {
    if (new URL(origin).host === request.headers.host) return;
  } catch {
    // a malformed Origin is refused below
  }
  throw authErrors.originNotAllowed();
}

async function resolve(deps: AuthDeps, request: FastifyRequest): Promise<void> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const key = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const found = key ? await authenticateApiKey(deps, key) : null;
    if (!found) throw unauthenticated();
    request.principal = { kind: 'api_key', workspaceId: found.workspaceId, role: found.role, userId: null, apiKeyId: found.apiKeyId, sessionIdHash: null, ip: request.ip };
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const session = await findSession(deps.db, token, deps.clock.now());
  if (!session) return;
  request.session = { userId: session.user_id, idHash: session.id_hash, csrfToken: csrfTokenFor(token), currentWorkspaceId: session.current_workspace_id };
  const workspaceId = session.current_workspace_id;
  if (!workspaceId) return;
  const membership = await withTenant(deps.db, workspaceId, (tx) => findMembership(tx, workspaceId, session.user_id));
  if (!membership) return;
  request.principal = { kind: 'session', workspaceId, role: membership.role, userId: session.user_id, apiKeyId: null, sessionIdHash: session.id_hash, ip: request.ip };
}

export function installAuthHook(app: AppInstance, deps: AuthDeps): void {
  registerErrorStatuses(app, authErrorStatuses);
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (route.url.startsWith('/api/') && !access) throw new Error(`Route ${route.method} ${route.url} declares no config.access`);
    // The OpenAPI document states who may call each route, from the same matrix the hook enforces.
    if (access && route.schema) {
      const schema = route.schema as { description?: string };
      schema.description = [schema.description, accessDescription(access)].filter(Boolean).join('\n\n');
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    await resolve(deps, request);
    if (!request.principal && !(access === 'authenticated' && request.session)) throw unauthenticated();
    if (request.session && !request.principal?.apiKeyId && !SAFE_METHODS.has(request.method)) {
      const presented = request.headers['x-csrf-token'];
      if (typeof presented !== 'string' || !safeEqual(presented, request.session.csrfToken)) throw authErrors.csrfFailed();
    }
    if (access !== 'authenticated' && !can(request.principal!.role, access)) throw forbidden(`use ${access}`);
  });
}
