import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { HttpClient } from '../../test-support/http-client';
import { startTestApp, type TestApp } from '../../test-support/test-app';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(async () => {
  await t.close();
});

test('an API key is shown once, stored hashed, authenticates with its role, records last use, and is refused once revoked', async () => {
  const owner = await t.signUp();
  const { client, id, key } = await t.apiKey(owner.client, 'agent');
  assert.match(key, /^wgp_[0-9a-f]{32}_/);

  const stored = await sql<{ key_hash: string; prefix: string }>`select key_hash, prefix from api_keys where id = ${id}`.execute(t.database.db);
  assert.notEqual(stored.rows[0]?.key_hash, key);
  assert.ok(!JSON.stringify(stored.rows).includes(key), 'the full key is not stored');

  assert.equal((await client.get('/api/v1/members')).status, 200);
  const listed = (await owner.client.get('/api/v1/api-keys')).body as { data: { id: string; lastUsedAt: string | null; role: string }[] };
  const entry = listed.data.find((k) => k.id === id)!;
  assert.equal(entry.role, 'agent');
  assert.ok(entry.lastUsedAt, 'last-used time recorded');
  assert.ok(!JSON.stringify(listed).includes(key), 'listing never shows the key again');

  assert.equal((await client.post('/api/v1/api-keys', { name: 'x', role: 'agent' })).status, 403, 'the role is enforced');
  assert.equal((await owner.client.delete(`/api/v1/api-keys/${id}`)).status, 204);
  const revoked = await client.get('/api/v1/members');
  assert.equal(revoked.status, 401);
  assert.equal((revoked.body as { error: { code: string } }).error.code, 'unauthenticated');
});

test('malformed, unknown and missing keys get 401 unauthenticated', async () => {
  for (const bearer of ['nonsense', `wgp_${'0'.repeat(32)}_${'A'.repeat(43)}`]) {
    const response = await new HttpClient(t.url, { bearer }).get('/api/v1/members');
    assert.equal(response.status, 401);
  }
  assert.equal((await t.anonymous.get('/api/v1/members')).status, 401);
  assert.equal((await t.anonymous.get('/api/v1/members', { authorization: 'Basic abc' })).status, 401);
});

test('the analyst role sees no members and no audit log; the agent role sees no audit log', async () => {
  const owner = await t.signUp();
  const analyst = await t.apiKey(owner.client, 'analyst');
  const agent = await t.apiKey(owner.client, 'agent');
  assert.equal((await analyst.client.get('/api/v1/members')).status, 403);
  assert.equal((await analyst.client.get('/api/v1/audit-events')).status, 403);
  assert.equal((await agent.client.get('/api/v1/audit-events')).status, 403);
});
