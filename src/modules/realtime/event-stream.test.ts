import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { withTenant } from '../../platform/db';
import { testDatabaseUrl } from '../../platform/db/test-database';
import { publishEvent } from '../../platform/events';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { SseClient } from '../../test-support/sse-client';
import { createLogger } from '../../platform/logging';
import { createServer } from '../../platform/http';
import { installAuthHook } from '../auth';
import { createEventHub } from './event-hub';
import { registerEventStreamRoutes } from './event-stream.routes';
import { createVisibilityRegistry } from './event-visibility';

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

test('a heartbeat comment keeps idle streams open; a visibility filter narrows what a connection sees', async () => {
  const a = await t.signUp();
  const logger = createLogger({ level: 'silent' });
  // Like the inbox's filter for agentsSeeOnlyAssigned: agents see only some conversations.
  const visibility = createVisibilityRegistry([async (principal) => (event) => principal.role !== 'agent' || (event.data as { conversationId?: string }).conversationId !== 'hidden']);
  const app = await createServer({ logger, trustProxy: false, publicUrl: 'http://127.0.0.1', version: 'test' });
  installAuthHook(app, t.container.auth);
  registerEventStreamRoutes(app, { db: t.database.db, logger, hub: createEventHub({ db: t.database.db, logger, pollMs: 20 }), visibility, heartbeatMs: 50 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const port = (app.server.address() as { port: number }).port;
    const agent = await SseClient.open(`http://127.0.0.1:${port}/api/v1/events`, { authorization: `Bearer ${(await t.apiKey(a.client, 'agent')).key}` });
    const owner = await SseClient.open(`http://127.0.0.1:${port}/api/v1/events`, { authorization: `Bearer ${(await t.apiKey(a.client, 'owner')).key}` });
    await agent.waitFor((_m, comments) => comments.filter((c) => c === 'heartbeat').length >= 2);
    for (const id of ['hidden', 'shown']) await withTenant(t.database.db, a.workspaceId, (tx) => publishEvent(tx, a.workspaceId, 'conversation.updated', { conversationId: id }));
    await owner.waitFor((m) => m.length === 2);
    await agent.waitFor((m) => m.length === 1);
    assert.deepEqual(JSON.parse(agent.messages[0]!.data), { conversationId: 'shown' });
    agent.close();
    owner.close();
  } finally {
    await app.close();
  }
});

test('an event written by another process (a worker) reaches the stream (PostgreSQL)', { skip: !testDatabaseUrl() && 'PGlite belongs to one process' }, async () => {
  const a = await t.signUp();
  const stream = await SseClient.open(`${t.url}/api/v1/events`, { authorization: `Bearer ${(await t.apiKey(a.client, 'owner')).key}` });
  const script = [
    "import { openDatabase, withTenant } from './src/platform/db';",
    "import { publishEvent } from './src/platform/events';",
    'const database = await openDatabase({ databaseUrl: process.env.CHILD_DATABASE_URL });',
    "await withTenant(database.db, process.env.CHILD_WORKSPACE, (tx) => publishEvent(tx, process.env.CHILD_WORKSPACE, 'campaign.progress', { campaignId: 'from-worker' }));",
    'await database.close();',
  ].join('\n');
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, CHILD_DATABASE_URL: t.database.url!, CHILD_WORKSPACE: a.workspaceId },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  assert.equal(code, 0);
  await stream.waitFor((m) => m.some((e) => e.event === 'campaign.progress'));
  assert.deepEqual(JSON.parse(stream.messages.find((e) => e.event === 'campaign.progress')!.data), { campaignId: 'from-worker' });
  stream.close();
});
