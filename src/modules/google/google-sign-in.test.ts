import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { googleSandboxOf } from '../../main/sandbox';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { GoogleSandbox, SandboxGoogleUser } from '../../../simulator';
import { FLOW_COOKIE, openFlow } from './google-flow';
import { sealCookie } from './sealed-cookie';
import { TestBrowser } from './testing/browser';
import { consentAt, finishCallback, signInUpToCallback } from './testing/google-flows';

// Sign in with Google end to end over real HTTP, against the sandbox's in-process OpenID provider
// (oidc-provider): the product's callback checks state, nonce and PKCE through openid-client.

let t: TestApp;
let google: GoogleSandbox;
before(async () => {
  t = await startTestApp({ WHATSAPP_MODE: 'sandbox' });
  google = googleSandboxOf(t.app)!;
});
after(async () => t.close());

function googleUser(overrides: Partial<SandboxGoogleUser> = {}): SandboxGoogleUser {
  const n = randomInt(1e9, 9e9);
  const user = { sub: `1${n}${n}`, email: `g${n}@sandbox-google.test`, emailVerified: true, name: `Gia ${n}`, ...overrides };
  google.addUser(user);
  return user;
}

async function signUpWithGoogle(user: SandboxGoogleUser) {
  const browser = new TestBrowser(t.url);
  assert.equal(await finishCallback(browser, await signInUpToCallback(browser, user.sub)).then((u) => u.pathname), '/signup/google');
  const created = await browser.request('/api/v1/auth/google/signup', { method: 'POST', json: { workspaceName: 'Gia shop', ageConfirmed: true, policyVersion: '2026-11-24' } });
  assert.equal(created.status, 201, await created.clone().text());
  await browser.loadCsrf();
  return browser;
}

test('sign-up through Google asks for the 18+ confirmation, then the next sign-in goes straight in', async () => {
  const user = googleUser();
  const browser = new TestBrowser(t.url);
  const start = await browser.request('/api/v1/auth/google/start');
  const authorize = new URL(start.headers.get('location')!);
  assert.equal(authorize.searchParams.get('scope'), 'openid email profile', 'sign-in asks for the three OpenID scopes only');
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  assert.ok(authorize.searchParams.get('nonce') && authorize.searchParams.get('state'));
  assert.equal(authorize.searchParams.get('access_type'), 'online', 'no refresh token is asked for');
  const landing = await finishCallback(browser, await consentAt(browser, authorize.href, user.sub));
  assert.equal(landing.pathname, '/signup/google');
  const pending = await browser.request('/api/v1/auth/google/pending');
  assert.deepEqual(await pending.json(), { kind: 'signup', email: user.email, name: user.name });

  const refused = await browser.request('/api/v1/auth/google/signup', { method: 'POST', json: { workspaceName: 'Gia shop', policyVersion: '2026-11-24' } });
  assert.equal(refused.status, 422);
  assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'age_confirmation_required');
  const created = await browser.request('/api/v1/auth/google/signup', { method: 'POST', json: { workspaceName: 'Gia shop', ageConfirmed: true, policyVersion: '2026-11-24' } });
  assert.equal(created.status, 201);
  await browser.loadCsrf();
  const me = (await (await browser.request('/api/v1/me')).json()) as { user: { email: string; name: string } };
  assert.deepEqual([me.user.email, me.user.name], [user.email, user.name]);
  const status = (await (await browser.request('/api/v1/auth/google/status')).json()) as { linked: boolean };
  assert.equal(status.linked, true);

  const again = new TestBrowser(t.url);
  assert.equal((await finishCallback(again, await signInUpToCallback(again, user.sub))).pathname, '/app');
  assert.ok(again.cookies.has('wgp_session'), 'a linked Google account signs in');
});

test('state, nonce and PKCE are checked: a replayed, forged or tampered callback is refused', async () => {
  const user = googleUser();
  await signUpWithGoogle(user);
  const refusedAt = async (browser: TestBrowser, url: string) => {
    const landing = await finishCallback(browser, new URL(url));
    assert.equal(landing.searchParams.get('googleError'), 'google_flow_invalid', landing.href);
    assert.ok(!browser.cookies.has('wgp_session'), 'no session');
  };

  const browser = new TestBrowser(t.url);
  const callback = await signInUpToCallback(browser, user.sub);
  const flowCookie = browser.cookies.get(FLOW_COOKIE)!;
  const tab = (value: string) => {
    const b = new TestBrowser(t.url);
    b.cookies.set(FLOW_COOKIE, value);
    return b;
  };
  const forgedState = new URL(callback);
  forgedState.searchParams.set('state', 'forged-state');
  await refusedAt(tab(flowCookie), forgedState.href);
  const forgedCode = new URL(callback);
  forgedCode.searchParams.set('code', 'forged-code');
  await refusedAt(tab(flowCookie), forgedCode.href);
  await refusedAt(new TestBrowser(t.url), callback.href); // no flow cookie: another browser's callback (login CSRF)

  // The flow's own cookie with another PKCE verifier than the one whose challenge was sent: the provider refuses the code.
  const resealed = (cookie: string, change: object) =>
    sealCookie(t.container.google.cookieKey, FLOW_COOKIE, { ...openFlow(t.container.google, cookie)!, ...change }, new Date(Date.now() + 60_000));
  await refusedAt(tab(resealed(flowCookie, { verifier: 'x'.repeat(43) })), callback.href);

  assert.equal((await finishCallback(browser, callback)).pathname, '/app', 'the genuine callback signs in');
  await refusedAt(tab(flowCookie), callback.href); // replayed with its cookie: the code was redeemed once

  // Another flow, its cookie holding another nonce than the one sent: openid-client refuses the ID token.
  const other = new TestBrowser(t.url);
  const otherCallback = await signInUpToCallback(other, user.sub);
  await refusedAt(tab(resealed(other.cookies.get(FLOW_COOKIE)!, { nonce: 'another-nonce' })), otherCallback.href);
});

test('an existing account is linked only on proof: Google-verified email, or the password', async () => {
  const verified = await t.signUp({ email: `v${randomInt(1e9)}@example.com` });
  const verifiedUser = googleUser({ email: verified.email.toUpperCase(), emailVerified: true });
  const browser = new TestBrowser(t.url);
  assert.equal((await finishCallback(browser, await signInUpToCallback(browser, verifiedUser.sub))).pathname, '/app');
  await browser.loadCsrf();
  assert.equal(((await (await browser.request('/api/v1/me')).json()) as { user: { id: string } }).user.id, verified.userId, 'linked to the account with that email');

  const owner = await t.signUp({ email: `u${randomInt(1e9)}@example.com` });
  const unverifiedUser = googleUser({ email: owner.email, emailVerified: false });
  const stranger = new TestBrowser(t.url);
  assert.equal((await finishCallback(stranger, await signInUpToCallback(stranger, unverifiedUser.sub))).pathname, '/login/google');
  assert.ok(!stranger.cookies.has('wgp_session'), 'an unverified email signs nobody in');
  const wrong = await stranger.request('/api/v1/auth/google/link', { method: 'POST', json: { password: 'not the password' } });
  assert.equal(wrong.status, 401);
  const noPending = await new TestBrowser(t.url).request('/api/v1/auth/google/link', { method: 'POST', json: { password: owner.password } });
  assert.equal(noPending.status, 400, 'no pending link in another browser');
  const again = new TestBrowser(t.url);
  assert.equal((await finishCallback(again, await signInUpToCallback(again, unverifiedUser.sub))).pathname, '/login/google', 'still not linked');

  const linked = await stranger.request('/api/v1/auth/google/link', { method: 'POST', json: { password: owner.password } });
  assert.equal(linked.status, 200);
  const later = new TestBrowser(t.url);
  assert.equal((await finishCallback(later, await signInUpToCallback(later, unverifiedUser.sub))).pathname, '/app', 'linked after the password');

  const newcomer = googleUser({ emailVerified: false });
  const refused = new TestBrowser(t.url);
  const landing = await finishCallback(refused, await signInUpToCallback(refused, newcomer.sub));
  assert.equal(landing.searchParams.get('googleError'), 'google_email_not_verified', 'no sign-up with an email Google has not verified');
});

test('disconnect revokes the grant at the provider\'s revocation endpoint and removes the link', async () => {
  const user = googleUser();
  const browser = await signUpWithGoogle(user);
  const started = await browser.request('/api/v1/auth/google/disconnect', { method: 'POST' });
  assert.equal(started.status, 200);
  const { authorizationUrl } = (await started.json()) as { authorizationUrl: string };
  const authorize = new URL(authorizationUrl);
  assert.equal(authorize.searchParams.get('scope'), 'openid');
  assert.equal(authorize.searchParams.get('login_hint'), user.sub);
  const revokedBefore = google.revokedAccounts.length;
  const landing = await finishCallback(browser, await consentAt(browser, authorizationUrl, user.sub));
  assert.equal(landing.href, `${t.url}/app/settings?google=disconnected`);
  assert.deepEqual(google.revokedAccounts.slice(revokedBefore), [user.sub], 'the provider revoked this account\'s grant');
  const status = (await (await browser.request('/api/v1/auth/google/status')).json()) as { linked: boolean };
  assert.equal(status.linked, false);
  const notLinked = await browser.request('/api/v1/auth/google/disconnect', { method: 'POST' });
  assert.equal(notLinked.status, 409);
});
