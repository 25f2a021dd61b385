import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { HttpClient } from '../../test-support/http-client';
import { startInboundHarness } from '../messages/testing';

// Assignment takes only members of the workspace; notes are listed a page at a time like every list.

let t: TestApp;
let owner: HttpClient;
let ownerId: string;
let conversationId: string;
let h: Awaited<ReturnType<typeof startInboundHarness>>;

before(async () => {
  t = await startTestApp();
  const signedUp = await t.signUp();
  owner = signedUp.client;
  ownerId = signedUp.userId;
  h = await startInboundHarness(t, owner);
  h.sim.engine.injectInbound({ phoneNumberId: h.number.phoneNumberId, from: '16315550178', type: 'text', text: { body: 'hello' } } as never);
  for (const c of await h.take()) assert.equal((await h.deliver(c)).status, 200);
  await h.process();
  conversationId = ((await owner.get('/api/v1/conversations')).body as { data: { id: string }[] }).data[0]!.id;
});
after(async () => {
  await h?.close();
  await t?.close();
});

const codeOf = (body: unknown) => (body as { error: { code: string } }).error.code;

test('a conversation is assigned only to a member of its workspace, or to nobody', async () => {
  const stranger = await t.signUp();
  for (const assigneeId of [stranger.userId, 'no-such-person', '']) {
    const refused = await owner.patch(`/api/v1/conversations/${conversationId}`, { assigneeId });
    assert.equal(refused.status, 422, `${assigneeId}: ${refused.text}`);
    assert.equal(codeOf(refused.body), 'assignee_not_member');
  }
  assert.equal(((await owner.get(`/api/v1/conversations/${conversationId}`)).body as { assigneeId: string | null }).assigneeId, null, 'nothing changed');
  const mine = await owner.patch(`/api/v1/conversations/${conversationId}`, { assigneeId: ownerId });
  assert.equal(mine.status, 200, mine.text);
  assert.equal((mine.body as { assigneeId: string }).assigneeId, ownerId);
  const nobody = await owner.patch(`/api/v1/conversations/${conversationId}`, { assigneeId: null });
  assert.equal((nobody.body as { assigneeId: string | null }).assigneeId, null);
});

test('notes: limit over 200 is 422, and the cursor walks every note once, newest first', async () => {
  const base = `/api/v1/conversations/${conversationId}/notes`;
  const tooMany = await owner.get(`${base}?limit=201`);
  assert.equal(tooMany.status, 422);
  assert.equal(codeOf(tooMany.body), 'validation_failed');
  for (let i = 0; i < 5; i++) assert.equal((await owner.post(base, { body: `note ${i}` })).status, 201);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = (await owner.get(`${base}?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body as { data: { body: string }[]; nextCursor: string | null };
    assert.ok(page.data.length <= 2);
    seen.push(...page.data.map((n) => n.body));
    cursor = page.nextCursor;
  } while (cursor);
  assert.deepEqual(seen, ['note 4', 'note 3', 'note 2', 'note 1', 'note 0']);
});
