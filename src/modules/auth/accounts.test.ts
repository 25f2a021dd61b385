import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpClient } from '../../test-support/http-client';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { permissionMatrix, permissions } from './permissions';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(async () => {
  await t.close();
});

const signUpBody = (email: string) => ({ email, password: 'a long enough password', name: 'Ana', workspaceName: 'Ana Flowers' });

test('sign-up without the 18+ confirmation is refused with age_confirmation_required', async () => {
  for (const ageConfirmed of [undefined, false, 'yes']) {
    const response = await t.anonymous.post('/api/v1/auth/signup', { ...signUpBody('minor@example.com'), ageConfirmed });
    assert.equal(response.status, 422);
    assert.equal((response.body as { error: { code: string } }).error.code, 'age_confirmation_required');
  }
  const login = await t.anonymous.post('/api/v1/auth/login', { email: 'minor@example.com', password: 'a long enough password' });
  assert.equal(login.status, 401, 'no account was created');
});

test('sign-up creates the person, an owned workspace and a session cookie that is httpOnly and SameSite=Lax', async () => {
  const client = new HttpClient(t.url);
  const response = await client.post('/api/v1/auth/signup', { ...signUpBody('ana@example.com'), ageConfirmed: true });
  assert.equal(response.status, 201);
  const cookie = response.headers.get('set-cookie') ?? '';
  assert.match(cookie, /^wgp_session=/);
  assert.match(cookie, /HttpOnly/i);
  assert.match(cookie, /SameSite=Lax/i);
  assert.doesNotMatch(cookie, /Secure/i, 'plain-HTTP development keeps working');
  const me = await client.get('/api/v1/me');
  assert.equal(me.status, 200);
  const body = me.body as { user: { email: string }; role: string; mode: string; csrfToken: string; workspaces: { name: string }[]; permissions: string[] };
  assert.equal(body.user.email, 'ana@example.com');
  assert.equal(body.role, 'owner');
  assert.deepEqual(body.permissions, [...permissions], 'an owner may do everything, in matrix order');
  assert.equal(body.workspaces[0]?.name, 'Ana Flowers');
  assert.ok(body.csrfToken.length > 20);

  const again = await t.anonymous.post('/api/v1/auth/signup', { ...signUpBody('ANA@example.com'), ageConfirmed: true });
  assert.equal(again.status, 409);
  assert.equal((again.body as { error: { code: string } }).error.code, 'email_taken');
});

test('login answers invalid_credentials alike for a wrong password and an unknown email, then throttles', async () => {
  const { email, password } = await t.signUp();
  const wrong = await t.anonymous.post('/api/v1/auth/login', { email, password: 'not the password' });
  const unknown = await t.anonymous.post('/api/v1/auth/login', { email: 'nobody@example.com', password: 'whatever it is' });
  assert.equal(wrong.status, 401);
  assert.deepEqual(wrong.body, unknown.body);
  const ok = await new HttpClient(t.url).post('/api/v1/auth/login', { email, password });
  assert.equal(ok.status, 200);

  for (let i = 0; i < 5; i++) await t.anonymous.post('/api/v1/auth/login', { email, password: `wrong ${i}` });
  const locked = await t.anonymous.post('/api/v1/auth/login', { email, password });
  assert.equal(locked.status, 429);
  assert.equal((locked.body as { error: { code: string } }).error.code, 'too_many_attempts');
});

test('cookie-authenticated changes need the CSRF token; sign-up refuses a foreign Origin', async () => {
  const { client } = await t.signUp();
  const token = client.csrfToken;
  client.csrfToken = undefined;
  const without = await client.post('/api/v1/api-keys', { name: 'k', role: 'agent' });
  assert.equal(without.status, 403);
  assert.equal((without.body as { error: { code: string } }).error.code, 'csrf_failed');
  client.csrfToken = token;
  assert.equal((await client.post('/api/v1/api-keys', { name: 'k', role: 'agent' })).status, 201);

  const foreign = await t.anonymous.post('/api/v1/auth/signup', { ...signUpBody('evil@example.com'), ageConfirmed: true }, { origin: 'https://evil.example' });
  assert.equal(foreign.status, 403);
  assert.equal((foreign.body as { error: { code: string } }).error.code, 'origin_not_allowed');
});

test('logout ends the session', async () => {
  const { client } = await t.signUp();
  assert.equal((await client.post('/api/v1/auth/logout')).status, 204);
  assert.equal((await client.get('/api/v1/me')).status, 401);
});

test('an invited person joins with the invited role; switching to a workspace one does not belong to is 404', async () => {
  const owner = await t.signUp();
  const invitee = await t.signUp();
  const invitation = await owner.client.post('/api/v1/invitations', { email: invitee.email, role: 'agent' });
  assert.equal(invitation.status, 201);
  const token = decodeURIComponent(new URL((invitation.body as { acceptUrl: string }).acceptUrl).searchParams.get('invitation')!);

  const stranger = await t.signUp();
  const refused = await stranger.client.post(`/api/v1/invitations/${encodeURIComponent(token)}/accept`);
  assert.equal(refused.status, 404, 'an invitation addressed to someone else is not found for them');

  const accepted = await invitee.client.post(`/api/v1/invitations/${encodeURIComponent(token)}/accept`);
  assert.equal(accepted.status, 200);
  assert.deepEqual(accepted.body, { workspaceId: owner.workspaceId, role: 'agent' });
  assert.equal((await invitee.client.post(`/api/v1/invitations/${encodeURIComponent(token)}/accept`)).status, 404, 'single use');

  assert.equal((await invitee.client.post('/api/v1/me/workspace', { workspaceId: owner.workspaceId })).status, 200);
  const me = (await invitee.client.get('/api/v1/me')).body as { role: string; currentWorkspaceId: string; permissions: string[] };
  assert.equal(me.currentWorkspaceId, owner.workspaceId);
  assert.equal(me.role, 'agent');
  assert.deepEqual(me.permissions, permissions.filter((p) => permissionMatrix.agent.has(p)), "the dashboard gets the agent's permissions from the one matrix");
  assert.ok(me.permissions.includes('inbox.write') && !me.permissions.includes('contacts.import') && !me.permissions.includes('settings.manage'));
  assert.equal((await invitee.client.post('/api/v1/api-keys', { name: 'x', role: 'agent' })).status, 403, 'agents manage no keys');
  assert.equal((await invitee.client.post('/api/v1/me/workspace', { workspaceId: stranger.workspaceId })).status, 404);
});

test('the last owner cannot be demoted; only owners grant the owner role', async () => {
  const owner = await t.signUp();
  const members = (await owner.client.get('/api/v1/members')).body as { data: { id: string }[] };
  const demote = await owner.client.patch(`/api/v1/members/${members.data[0]!.id}`, { role: 'admin' });
  assert.equal(demote.status, 409);
  assert.equal((demote.body as { error: { code: string } }).error.code, 'last_owner');
  const admin = await t.apiKey(owner.client, 'admin');
  const escalate = await admin.client.post('/api/v1/api-keys', { name: 'sneaky', role: 'owner' });
  assert.equal(escalate.status, 403);
});
