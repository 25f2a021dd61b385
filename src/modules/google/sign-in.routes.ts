import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, registerErrorStatuses, type AppInstance } from '../../platform/http';
import { assertSameOrigin, requireAgeConfirmation, setSessionCookie } from '../auth';
import { completeGoogleSignUp } from './complete-google-sign-up';
import type { GoogleDeps } from './deps';
import { googleErrorStatuses } from './error-statuses';
import { googleErrors } from './errors';
import { authorizationResponse, googleLinkBody, googleSignUpBody, googleStatusResponse, pendingResponse } from './google.schemas';
import { FLOW_COOKIE, openFlow, startGoogleFlow, type FlowPurpose } from './google-flow';
import { handleGoogleCallback, type CallbackOutcome } from './handle-google-callback';
import { findLinkOfUser } from './link-account';
import { linkWithPassword } from './link-with-password';
import { openPending, PENDING_COOKIE, sealPending } from './pending-google';

const COOKIE_PATH = '/api/v1/auth/google';
const tags = ['google'];
/** Where each flow's outcome (or failure) is shown in the dashboard. */
const pageOf: Record<FlowPurpose, string> = { signin: '/login', import: '/app/contacts/import', disconnect: '/app/settings' };

/**
 * The sign-in flow is a person's, in their browser: a request with an API key (an Authorization
 * header) has no business in it and is refused before anything happens.
 */
async function browserOnly(request: FastifyRequest): Promise<void> {
  if (request.headers.authorization !== undefined) throw googleErrors.browserOnly();
}

export function registerGoogleSignInRoutes(app: AppInstance, deps: GoogleDeps): void {
  registerErrorStatuses(app, googleErrorStatuses);
  const secure = deps.publicUrl.startsWith('https:');
  const cookie = { httpOnly: true, sameSite: 'lax' as const, secure, path: COOKIE_PATH };
  const available = () => {
    if (!deps.settings) throw googleErrors.notConfigured();
  };
  const redirectWithFlow = async (reply: FastifyReply, purpose: FlowPurpose, who: Parameters<typeof startGoogleFlow>[2]) => {
    const flow = await startGoogleFlow(deps, purpose, who);
    reply.setCookie(FLOW_COOKIE, flow.cookie, { ...cookie, expires: flow.expiresAt });
    return flow.url;
  };

  app.get('/api/v1/auth/google/start', {
    config: { access: 'public' },
    onRequest: browserOnly,
    schema: { tags, description: 'Sign in (or sign up) with Google: redirects to Google with scopes `openid email profile` only, PKCE (S256), state and nonce.' },
  }, async (_request, reply) => {
    available();
    return reply.redirect(await redirectWithFlow(reply, 'signin', null), 303);
  });

  app.get('/api/v1/auth/google/callback', {
    config: { access: 'public' },
    onRequest: browserOnly,
    schema: { tags, description: 'Where Google sends the browser back. Checks state, PKCE and (for sign-in) the ID token\'s nonce, then redirects to the dashboard page that shows the outcome. A forged, expired or replayed callback changes nothing and redirects with `googleError`.' },
  }, async (request, reply) => {
    const flow = openFlow(deps, request.cookies[FLOW_COOKIE]);
    reply.clearCookie(FLOW_COOKIE, { path: COOKIE_PATH });
    if (!flow) return reply.redirect(`/login?googleError=google_flow_invalid`, 303);
    let result: CallbackOutcome;
    try {
      result = await handleGoogleCallback(deps, flow, new URL(request.url, deps.publicUrl), request.ip);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return reply.redirect(`${pageOf[flow.purpose]}?googleError=${encodeURIComponent(error.code)}`, 303);
    }
    return reply.redirect(landing(reply, result), 303);
  });

  const landing = (reply: FastifyReply, result: CallbackOutcome): string => {
    if (result.purpose === 'import') return `/app/contacts/import?googlePreview=${encodeURIComponent(result.previewId)}`;
    if (result.purpose === 'disconnect') return '/app/settings?google=disconnected';
    if (result.outcome.kind === 'session') {
      setSessionCookie(reply, deps.publicUrl, result.outcome.session);
      return '/app';
    }
    const pending = sealPending(deps, result.outcome.pending);
    reply.setCookie(PENDING_COOKIE, pending.value, { ...cookie, expires: pending.expiresAt });
    return result.outcome.pending.kind === 'signup' ? '/signup/google' : '/login/google';
  };

  const pendingOf = (request: FastifyRequest) => {
    const pending = openPending(deps, request.cookies[PENDING_COOKIE]);
    if (!pending) throw googleErrors.pendingMissing();
    return pending;
  };

  app.get('/api/v1/auth/google/pending', {
    config: { access: 'public' },
    onRequest: browserOnly,
    schema: { tags, description: 'The Google sign-in waiting for one more step in this browser.', response: { 200: pendingResponse } },
  }, async (request) => {
    const { kind, email, name } = pendingOf(request);
    return { kind, email, name };
  });

  app.post('/api/v1/auth/google/signup', {
    config: { access: 'public' },
    onRequest: browserOnly,
    preValidation: requireAgeConfirmation,
    schema: { tags, description: 'Completes a sign-up through Google: the ordinary sign-up (account, first workspace, session) with the 18+ confirmation, linked to the Google account.', body: googleSignUpBody, response: { 201: z.object({ userId: z.string(), workspaceId: z.string() }) } },
  }, async (request, reply) => {
    assertSameOrigin(request);
    const pending = pendingOf(request);
    if (pending.kind !== 'signup') throw googleErrors.pendingMissing();
    const result = await completeGoogleSignUp(deps, pending, { ...request.body, ip: request.ip });
    reply.clearCookie(PENDING_COOKIE, { path: COOKIE_PATH });
    setSessionCookie(reply, deps.publicUrl, result.session);
    return reply.status(201).send({ userId: result.userId, workspaceId: result.workspaceId });
  });

  app.post('/api/v1/auth/google/link', {
    config: { access: 'public' },
    onRequest: browserOnly,
    schema: { tags, description: 'Links the Google account to the existing account with its email, once its password proves it (Google did not verify the email). Throttled like login.', body: googleLinkBody, response: { 200: z.object({ userId: z.string() }) } },
  }, async (request, reply) => {
    assertSameOrigin(request);
    const pending = pendingOf(request);
    if (pending.kind !== 'link') throw googleErrors.pendingMissing();
    const result = await linkWithPassword(deps, pending, { password: request.body.password, ip: request.ip });
    reply.clearCookie(PENDING_COOKIE, { path: COOKIE_PATH });
    setSessionCookie(reply, deps.publicUrl, result.session);
    return { userId: result.userId };
  });

  app.get('/api/v1/auth/google/config', {
    config: { access: 'public' },
    schema: { tags, description: 'Whether this server offers Google sign-in and import (configured, or sandbox mode).', response: { 200: z.object({ available: z.boolean() }) } },
  }, async () => ({ available: deps.settings !== null }));

  app.get('/api/v1/auth/google/status', {
    config: { access: 'authenticated' },
    schema: { tags, description: 'Whether your account is linked to a Google account (only its subject id is kept).', response: { 200: googleStatusResponse } },
  }, async (request) => {
    const link = request.session ? await findLinkOfUser(deps, request.session.userId) : undefined;
    return { available: deps.settings !== null, linked: !!link, linkedAt: link?.linked_at.toISOString() ?? null };
  });

  app.post('/api/v1/auth/google/disconnect', {
    config: { access: 'authenticated' },
    schema: { tags, description: 'Starts disconnecting Google: the browser goes to Google (scope `openid`, the linked account preselected) and back, then the new token is revoked at Google\'s revocation endpoint, ending this app\'s grant, and the link is removed.', response: { 200: authorizationResponse } },
  }, async (request, reply) => {
    available();
    const userId = request.session?.userId;
    const link = userId ? await findLinkOfUser(deps, userId) : undefined;
    if (!userId || !link) throw googleErrors.notLinked();
    return { authorizationUrl: await redirectWithFlow(reply, 'disconnect', { userId, workspaceId: request.principal?.workspaceId ?? null, loginHint: link.google_sub }) };
  });
}
