import * as oidc from 'openid-client';
import { redirectUriOf, type GoogleDeps } from './deps';
import { googleErrors } from './errors';
import { oidcConfiguration } from './oidc-configuration';
import { openCookie, sealCookie } from './sealed-cookie';
import { CONTACTS_READONLY_SCOPE } from './scopes';

export type FlowPurpose = 'signin' | 'import' | 'disconnect';

/** What the browser carries, sealed, between the redirect to Google and the way back. */
export interface FlowState {
  purpose: FlowPurpose;
  state: string;
  nonce: string | null;
  verifier: string;
  /** The person who started an import or a disconnect (none for a sign-in). */
  userId: string | null;
  workspaceId: string | null;
}

export const FLOW_COOKIE = 'wgp_google_flow';
const FLOW_TTL_MS = 10 * 60_000;
const SIGN_IN_SCOPE = 'openid email profile';

/**
 * The scopes each purpose asks for, and nothing more: sign-in the three OpenID scopes; an import
 * contacts.readonly alone (incremental authorization: asked for only when an import starts, and
 * without include_granted_scopes, so the token carries nothing else); a disconnect only `openid`
 * to prove which account is revoked.
 */
const scopeOf: Record<FlowPurpose, string> = { signin: SIGN_IN_SCOPE, import: CONTACTS_READONLY_SCOPE, disconnect: 'openid' };

/**
 * Starts an authorization code flow with PKCE (S256) and state (and a nonce when an ID token is
 * expected): the URL to send the browser to and the sealed cookie holding what the way back checks.
 * access_type=online: Google issues no refresh token, so nothing can be used after this visit.
 */
export async function startGoogleFlow(deps: GoogleDeps, purpose: FlowPurpose, who: { userId: string; workspaceId: string | null; loginHint?: string } | null) {
  const configuration = await oidcConfiguration(deps);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = purpose === 'import' ? null : oidc.randomNonce();
  const parameters: Record<string, string> = {
    redirect_uri: redirectUriOf(deps),
    scope: scopeOf[purpose],
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    access_type: 'online',
    ...(nonce ? { nonce } : {}),
    ...(purpose === 'signin' ? { prompt: 'select_account' } : {}),
    ...(who?.loginHint ? { login_hint: who.loginHint } : {}),
  };
  const flow: FlowState = { purpose, state, nonce, verifier, userId: who?.userId ?? null, workspaceId: who?.workspaceId ?? null };
  const expiresAt = new Date(deps.clock.now().getTime() + FLOW_TTL_MS);
  return { url: oidc.buildAuthorizationUrl(configuration, parameters).href, cookie: sealCookie(deps.cookieKey, FLOW_COOKIE, flow, expiresAt), expiresAt };
}

export const openFlow = (deps: GoogleDeps, cookie: string | undefined) => openCookie<FlowState>(deps.cookieKey, FLOW_COOKIE, cookie, deps.clock.now());

/**
 * The way back: openid-client checks the state against the cookie's, redeems the code with the
 * PKCE verifier (Google redeems a code once: a replayed callback fails here), and, for an ID
 * token, its signature, issuer, audience, expiry and nonce. Returns the token response, to be used
 * at once and dropped.
 */
export async function finishGoogleFlow(deps: GoogleDeps, flow: FlowState, callbackUrl: URL) {
  const configuration = await oidcConfiguration(deps);
  if (callbackUrl.searchParams.has('error')) throw googleErrors.googleRefused();
  try {
    return await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      ...(flow.nonce ? { expectedNonce: flow.nonce } : {}),
      idTokenExpected: flow.nonce !== null,
    });
  } catch (error) {
    deps.logger.info({ code: (error as { code?: string }).code, reason: (error as Error).message }, 'Google callback refused');
    throw googleErrors.flowInvalid();
  }
}
