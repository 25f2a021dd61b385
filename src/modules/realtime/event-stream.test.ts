import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withTenant } from '../../platform/db';
import { publishEvent } from '../../platform/events';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { SseClient } from '../../test-support/sse-client';
import { createEventHub } from './event-hub';
import { createLogger } from '../../platform/logging';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(async () => {
  await t.close();
});

const ID = /^[0-9a-z-]{1,64}$/i;
const ENUMS = new Set(['inbound', 'outbound', 'sent', 'delivered', 'read', 'failed', 'marketing', 'APPROVED']);

/** Every value of every event's data is an id or a small enum: no names, phones or text. */
function assertIdsOnly(data: Record<string, unknown>) {
  for (const [key, value] of Object.entries(data)) {
    if (value === null) continue;
    assert.equal(typeof value, 'string', `${key} is a string`);
    assert.ok(ENUMS.has(value as string) || (key.endsWith('Id') && ID.test(value as string)), `${key}=${String(value)} is an id or an enum`);
  }
}

test('events written by another connection stream to every listener of the workspace only, with ids', async () => {
  const a = await t.signUp();
  const b = await t.signUp();
  const key = await t.apiKey(a.client, 'agent');
  const streamA = await SseClient.open(`${t.url}/api/v1/events`, { authorization: `Bearer ${key.key}` });
  const streamB = await SseClient.open(`${t.url}/api/v1/events`, { authorization: `Bearer ${(await t.apiKey(b.client, 'analyst')).key}` });
  assert.equal(streamA.status, 200);
  // A writer elsewhere (a worker, another api process) commits through its own connection.
  const writer = t.container.database.db;
  await withTenant(writer, a.workspaceId, (tx) => publishEvent(tx, a.workspaceId, 'conversation.updated', { conversationId: 'conv-1' }));
  await withTenant(writer, a.workspaceId, (tx) =>
    publishEvent(tx, a.workspaceId, 'message.created', { messageId: 'msg-1', conversationId: 'conv-1', contactId: 'ct-1', channelId: 'ch-1', direction: 'inbound' }),
  );
  await withTenant(writer, b.workspaceId, (tx) => publishEvent(tx, b.workspaceId, 'campaign.progress', { campaignId: 'camp-b' }));
  await streamA.waitFor((m) => m.length >= 2);
  await streamB.waitFor((m) => m.length >= 1);
  assert.deepEqual(streamA.messages.map((m) => m.event), ['conversation.updated', 'message.created']);
  assert.deepEqual(JSON.parse(streamA.messages[0]!.data), { conversationId: 'conv-1' });
  assert.ok(streamA.messages.every((m) => /^\d+$/.test(m.id ?? '')), 'every event carries its outbox id');
  assert.ok(Number(streamA.messages[1]!.id) > Number(streamA.messages[0]!.id));
  assert.deepEqual(streamB.messages.map((m) => m.event), ['campaign.progress'], "B sees only B's events");
  for (const m of [...streamA.messages, ...streamB.messages]) assertIdsOnly(JSON.parse(m.data) as Record<string, unknown>);
  streamA.close();
  streamB.close();
});

test('reconnecting with Last-Event-ID replays the missed events, then continues live', async () => {
  const a = await t.signUp();
  const key = (await t.apiKey(a.client, 'owner')).key;
  const first = await SseClient.open(`${t.url}/api/v1/events`, { authorization: `Bearer ${key}` });
  const publish = (conversationId: string) => withTenant(t.database.db, a.workspaceId, (tx) => publishEvent(tx, a.workspaceId, 'conversation.updated', { conversationId }));
  await publish('c1');
  await first.waitFor((m) => m.length === 1);
  const lastId = first.messages[0]!.id!;
  first.close();
  await publish('c2');
  await publish('c3');
  const resumed = await SseClient.open(`${t.url}/api/v1/events`, { authorization: `Bearer ${key}`, 'last-event-id': lastId });
  await resumed.waitFor((m) => m.length === 2);
  await publish('c4');
  await resumed.waitFor((m) => m.length === 3);
  assert.deepEqual(resumed.messages.map((m) => (JSON.parse(m.data) as { conversationId: string }).conversationId), ['c2', 'c3', 'c4']);
  resumed.close();
  const bad = await SseClient.open(`${t.url}/api/v1/events`, { authorization: `Bearer ${key}`, 'last-event-id': 'abc' });
  assert.equal(bad.status, 422);
});

test('the stream needs credentials; one poller per workspace, stopped when its last listener leaves', async () => {
  const anonymous = await SseClient.open(`${t.url}/api/v1/events`, {});
  assert.equal(anonymous.status, 401);
  const a = await t.signUp();
  const hub = createEventHub({ db: t.database.db, logger: createLogger({ level: 'silent' }), pollMs: 20 });
  const seen: number[] = [];
  const one = await hub.subscribe(a.workspaceId, (e) => void seen.push(e.id));
  const two = await hub.subscribe(a.workspaceId, (e) => void seen.push(e.id));
  assert.equal(hub.activePollers(), 1);
  await withTenant(t.database.db, a.workspaceId, (tx) => publishEvent(tx, a.workspaceId, 'contact.updated', { contactId: 'k' }));
  for (let i = 0; i < 100 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(seen.length, 2, 'both listeners got the event from the one poller');
  one.unsubscribe();
  two.unsubscribe();
  for (let i = 0; i < 100 && hub.activePollers() > 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(hub.activePollers(), 0);
});
