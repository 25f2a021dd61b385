import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test-support/test-app';

let t: TestApp;
before(async () => {
  t = await startTestApp({ WEBHOOKS_ALLOW_PRIVATE_URLS: 'true' });
});
after(async () => {
  await t.close();
});

test('the secret is shown once, stored encrypted, and never returned again; CRUD and validation', async () => {
  const owner = await t.signUp();
  const created = await owner.client.post('/api/v1/webhook-subscriptions', { url: 'http://127.0.0.1:9/hook', events: ['message.received', 'message.status'] });
  assert.equal(created.status, 201, created.text);
  const { id, secret } = created.body as { id: string; secret: string };
  assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/);
  for (const path of ['/api/v1/webhook-subscriptions', `/api/v1/webhook-subscriptions/${id}`]) {
    const read = await owner.client.get(path);
    assert.equal(read.status, 200);
    assert.ok(!read.text.includes(secret) && !read.text.includes('"secret"'), `${path} does not return the secret`);
  }
  const raw = await sql<{ secret: Buffer }>`select secret from webhook_subscriptions where id = ${id}`.execute(t.database.db);
  assert.ok(!raw.rows[0]!.secret.toString('latin1').includes(secret.slice(6)), 'not stored in plaintext');
  assert.ok(!raw.rows[0]!.secret.toString('latin1').includes(secret));

  const patched = await owner.client.patch(`/api/v1/webhook-subscriptions/${id}`, { events: ['conversation.updated'], enabled: false });
  assert.equal(patched.status, 200);
  assert.deepEqual((patched.body as { events: string[] }).events, ['conversation.updated']);
  assert.equal((patched.body as { disabledReason: string }).disabledReason, 'disabled by a member');
  const enabled = await owner.client.post(`/api/v1/webhook-subscriptions/${id}/enable`);
  assert.equal((enabled.body as { enabled: boolean }).enabled, true);
  assert.ok(!enabled.text.includes(secret));

  for (const [body, code] of [
    [{ url: 'ftp://example.com/x', events: ['message.status'] }, 'url_not_allowed'],
    [{ url: 'not a url', events: ['message.status'] }, 'url_not_allowed'],
    [{ url: 'https://user:pw@example.com/', events: ['message.status'] }, 'url_not_allowed'],
    [{ url: 'https://example.com/', events: ['message.created'] }, 'validation_failed'],
    [{ url: 'https://example.com/', events: [] }, 'validation_failed'],
  ] as const) {
    const refused = await owner.client.post('/api/v1/webhook-subscriptions', body);
    assert.equal((refused.body as { error: { code: string } }).error.code, code, JSON.stringify(body));
  }
  const audit = await owner.client.get('/api/v1/audit-events');
  const actions = (audit.body as { data: { action: string }[] }).data.map((e) => e.action);
  assert.ok(actions.includes('webhook_subscription.created') && actions.includes('webhook_subscription.updated'));
  assert.ok(!audit.text.includes(secret), 'the audit log never holds the secret');

  assert.equal((await owner.client.delete(`/api/v1/webhook-subscriptions/${id}`)).status, 204);
  assert.equal((await owner.client.get(`/api/v1/webhook-subscriptions/${id}`)).status, 404);
});

test('the routes are documented in OpenAPI', async () => {
  const doc = (await t.anonymous.get('/docs/json')).body as { paths: Record<string, Record<string, { tags?: string[] }>> };
  for (const path of ['/api/v1/webhook-subscriptions', '/api/v1/webhook-subscriptions/{id}', '/api/v1/webhook-subscriptions/{id}/enable', '/api/v1/webhook-subscriptions/{id}/deliveries']) {
    assert.ok(doc.paths[path], path);
    assert.ok(Object.values(doc.paths[path]!).every((op) => op.tags?.includes('webhooks')), path);
  }
  assert.deepEqual(doc.paths['/api/v1/events']?.get?.tags, ['events']);
});

test('only owners and admins manage webhooks', async () => {
  const owner = await t.signUp();
  for (const role of ['agent', 'analyst'] as const) {
    const client = (await t.apiKey(owner.client, role)).client;
    assert.equal((await client.get('/api/v1/webhook-subscriptions')).status, 403);
    assert.equal((await client.post('/api/v1/webhook-subscriptions', { url: 'https://example.com/', events: ['message.status'] })).status, 403);
  }
  const admin = (await t.apiKey(owner.client, 'admin')).client;
  assert.equal((await admin.post('/api/v1/webhook-subscriptions', { url: 'https://example.com/', events: ['message.status'] })).status, 201);
  assert.equal((await t.anonymous.get('/api/v1/webhook-subscriptions')).status, 401);
});

test('in production (private URLs not allowed) loopback, private and unresolvable targets are refused alike, after DNS resolution', async () => {
  const strict = await startTestApp({ OUTBOUND_ALLOW_PRIVATE_URLS: 'false' });
  try {
    const owner = await strict.signUp();
    const answers = new Set<string>();
    for (const url of ['http://127.0.0.1:8080/x', 'http://localhost/x', 'http://10.1.2.3/x', 'http://169.254.169.254/latest', 'http://[::1]/x', 'http://192.168.0.5/', 'http://[::127.0.0.1]/x', 'http://[::ffff:127.0.0.1]/x', 'http://2130706433/x', 'http://no-such-host.invalid/x']) {
      const refused = await owner.client.post('/api/v1/webhook-subscriptions', { url, events: ['message.status'] });
      assert.equal(refused.status, 422, url);
      answers.add(JSON.stringify(refused.body));
    }
    assert.deepEqual([...answers], [JSON.stringify({ error: { code: 'url_not_allowed', message: 'We could not reach that address. Use a public https address.' } })]);
    const created = (await owner.client.post('/api/v1/webhook-subscriptions', { url: 'https://93.184.215.14/x', events: ['message.status'] })).body as { id: string };
    assert.ok(created.id, 'a public address is accepted');
    assert.equal((await owner.client.patch(`/api/v1/webhook-subscriptions/${created.id}`, { url: 'http://[::127.0.0.1]/x' })).status, 422, 'a change of URL is checked too');
  } finally {
    await strict.close();
  }
});
