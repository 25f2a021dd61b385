import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test-support/test-app';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(async () => {
  await t.close();
});

test('mutations are audited with actor, action, target and IP, in a chain that verifies', async () => {
  const owner = await t.signUp();
  const key = await t.apiKey(owner.client, 'agent');
  await owner.client.delete(`/api/v1/api-keys/${key.id}`);
  const events = (await owner.client.get('/api/v1/audit-events')).body as { data: { action: string; actor: { type: string; id: string }; target: { id: string } | null; ip: string }[] };
  assert.deepEqual(events.data.map((e) => e.action), ['api_key.revoked', 'api_key.created', 'workspace.created']);
  assert.equal(events.data[0]!.actor.id, owner.userId);
  assert.equal(events.data[0]!.target?.id, key.id);
  assert.equal(events.data[0]!.ip, '127.0.0.1');
  assert.deepEqual((await owner.client.get('/api/v1/audit-events/verify')).body, {
    valid: true,
    count: 3,
    head: ((await owner.client.get('/api/v1/audit-events?limit=1')).body as { data: { hash: string }[] }).data[0]!.hash,
  });
});

test('editing one stored entry directly in the database makes verification report invalid', async () => {
  const owner = await t.signUp();
  await t.apiKey(owner.client, 'analyst');
  assert.equal(((await owner.client.get('/api/v1/audit-events/verify')).body as { valid: boolean }).valid, true);
  // A database administrator rewrites history, bypassing the app role's append-only grants.
  await sql`update audit_events set action = 'nothing.happened' where workspace_id = ${owner.workspaceId} and seq = 1`.execute(t.database.db);
  const verdict = (await owner.client.get('/api/v1/audit-events/verify')).body as { valid: boolean; brokenAtSeq: number };
  assert.equal(verdict.valid, false);
  assert.equal(verdict.brokenAtSeq, 1);
});

test('removing the newest entry is detected through the chain head', async () => {
  const owner = await t.signUp();
  await t.apiKey(owner.client, 'analyst');
  await sql`delete from audit_events where workspace_id = ${owner.workspaceId} and seq = (select max(seq) from audit_events where workspace_id = ${owner.workspaceId})`.execute(t.database.db);
  assert.equal(((await owner.client.get('/api/v1/audit-events/verify')).body as { valid: boolean }).valid, false);
});

test('the application role cannot edit or delete audit entries', async () => {
  const owner = await t.signUp();
  const { withTenant } = await import('../../../platform/db');
  await assert.rejects(
    withTenant(t.database.db, owner.workspaceId, (tx) => sql`update audit_events set action = 'x' where workspace_id = ${owner.workspaceId}`.execute(tx)),
    /permission denied/,
  );
});
