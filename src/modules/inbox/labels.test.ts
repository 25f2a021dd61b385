import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { HttpClient } from '../../test-support/http-client';
import { startInboundHarness } from '../messages/testing';

// Labels and canned responses over real HTTP: admins define them, agents read and use them,
// conversations carry only known label names and follow renames and deletions.

let t: TestApp;
let owner: HttpClient;
let agent: HttpClient;
let conversationId: string;
let h: Awaited<ReturnType<typeof startInboundHarness>>;

type Label = { id: string; name: string; color: string; createdAt: string };
type Canned = { id: string; shortcut: string; text: string; createdAt: string; updatedAt: string };

before(async () => {
  t = await startTestApp();
  owner = (await t.signUp()).client;
  agent = (await t.apiKey(owner, 'agent')).client;
  h = await startInboundHarness(t, owner);
  h.sim.engine.injectInbound({ phoneNumberId: h.number.phoneNumberId, from: '16315550177', type: 'text', text: { body: 'hello' } } as never);
  for (const c of await h.take()) assert.equal((await h.deliver(c)).status, 200);
  await h.process();
  conversationId = ((await owner.get('/api/v1/conversations')).body as { data: { id: string }[] }).data[0]!.id;
});
after(async () => {
  await h?.close();
  await t?.close();
});

const labelsOf = async (client: HttpClient) => ((await client.get(`/api/v1/conversations/${conversationId}`)).body as { labels: string[] }).labels;

test('labels: created by admins, listed by name for agents, duplicates refused', async () => {
  const vip = await owner.post('/api/v1/labels', { name: 'VIP', color: '#FF0000' });
  assert.equal(vip.status, 201, vip.text);
  assert.deepEqual({ ...(vip.body as Label), id: undefined, createdAt: undefined }, { id: undefined, name: 'VIP', color: '#ff0000', createdAt: undefined });
  assert.equal((await owner.post('/api/v1/labels', { name: 'Billing' })).status, 201);
  const dup = await owner.post('/api/v1/labels', { name: 'VIP', color: '#00ff00' });
  assert.equal(dup.status, 409);
  assert.equal((dup.body as { error: { code: string } }).error.code, 'label_exists');
  assert.equal((await owner.post('/api/v1/labels', { name: 'x', color: 'red' })).status, 422);

  const list = await agent.get('/api/v1/labels');
  assert.equal(list.status, 200, list.text);
  const body = list.body as { data: Label[]; nextCursor: string | null };
  assert.deepEqual(body.data.map((l) => l.name), ['Billing', 'VIP']);
  assert.equal(body.nextCursor, null);
  assert.match(body.data[0]!.color, /^#[0-9a-f]{6}$/);
  const page1 = (await agent.get('/api/v1/labels?limit=1')).body as { data: Label[]; nextCursor: string };
  const page2 = (await agent.get(`/api/v1/labels?limit=1&cursor=${page1.nextCursor}`)).body as { data: Label[]; nextCursor: string | null };
  assert.deepEqual([...page1.data, ...page2.data].map((l) => l.name), ['Billing', 'VIP']);
  assert.equal(page2.nextCursor, null);

  assert.equal((await agent.post('/api/v1/labels', { name: 'Agents own' })).status, 403);
  assert.equal((await agent.request('DELETE', `/api/v1/labels/${(vip.body as Label).id}`)).status, 403);
});

test('a conversation carries only known label names, and follows renames and deletions', async () => {
  const unknown = await agent.patch(`/api/v1/conversations/${conversationId}`, { labels: ['VIP', 'Nope'] });
  assert.equal(unknown.status, 422);
  assert.deepEqual(unknown.body, { error: { code: 'unknown_label', message: (unknown.body as { error: { message: string } }).error.message, details: { labels: ['Nope'] } } });
  assert.deepEqual(await labelsOf(owner), []);

  const ok = await agent.patch(`/api/v1/conversations/${conversationId}`, { labels: ['VIP', 'Billing', 'VIP'] });
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual((ok.body as { labels: string[] }).labels, ['VIP', 'Billing']);

  const labels = ((await owner.get('/api/v1/labels')).body as { data: Label[] }).data;
  const vip = labels.find((l) => l.name === 'VIP')!;
  const billing = labels.find((l) => l.name === 'Billing')!;
  assert.equal((await owner.patch(`/api/v1/labels/${vip.id}`, { name: 'Billing' })).status, 409, 'rename onto another label');
  const renamed = await owner.patch(`/api/v1/labels/${vip.id}`, { name: 'Gold' });
  assert.equal(renamed.status, 200, renamed.text);
  assert.equal((renamed.body as Label).name, 'Gold');
  assert.deepEqual(await labelsOf(owner), ['Gold', 'Billing']);
  assert.deepEqual(((await owner.get('/api/v1/conversations?label=Gold')).body as { data: { id: string }[] }).data.map((c) => c.id), [conversationId]);

  assert.equal((await owner.request('DELETE', `/api/v1/labels/${billing.id}`)).status, 204);
  assert.deepEqual(await labelsOf(owner), ['Gold']);
  assert.equal((await owner.request('DELETE', `/api/v1/labels/${billing.id}`)).status, 404);
  assert.equal((await agent.patch(`/api/v1/conversations/${conversationId}`, { labels: ['Billing'] })).status, 422, 'a deleted label is unknown');
});

test('canned responses: admins write, agents search and read, shortcuts unique', async () => {
  const greet = await owner.post('/api/v1/canned-responses', { shortcut: 'greet', text: 'Hello! How can we help?' });
  assert.equal(greet.status, 201, greet.text);
  const g = greet.body as Canned;
  assert.equal(g.createdAt, g.updatedAt);
  assert.equal((await owner.post('/api/v1/canned-responses', { shortcut: 'bye', text: 'Thanks 100% for writing_in' })).status, 201);
  const dup = await owner.post('/api/v1/canned-responses', { shortcut: 'greet', text: 'again' });
  assert.equal(dup.status, 409);
  assert.equal((dup.body as { error: { code: string } }).error.code, 'canned_response_exists');
  assert.equal((await agent.post('/api/v1/canned-responses', { shortcut: 'mine', text: 'x' })).status, 403);

  const all = (await agent.get('/api/v1/canned-responses')).body as { data: Canned[]; nextCursor: string | null };
  assert.deepEqual(all.data.map((c) => c.shortcut), ['bye', 'greet']);
  const help = (await agent.get('/api/v1/canned-responses?q=HELP')).body as { data: Canned[] };
  assert.deepEqual(help.data.map((c) => c.shortcut), ['greet']);
  const percent = (await agent.get(`/api/v1/canned-responses?q=${encodeURIComponent('%')}`)).body as { data: Canned[] };
  assert.deepEqual(percent.data.map((c) => c.shortcut), ['bye'], '% is matched literally');

  const patched = await owner.patch(`/api/v1/canned-responses/${g.id}`, { text: 'Hi there!' });
  assert.equal(patched.status, 200, patched.text);
  assert.equal((patched.body as Canned).text, 'Hi there!');
  assert.equal((await owner.patch(`/api/v1/canned-responses/${g.id}`, { shortcut: 'bye' })).status, 409);
  assert.equal((await owner.request('DELETE', `/api/v1/canned-responses/${g.id}`)).status, 204);
  assert.deepEqual(((await agent.get('/api/v1/canned-responses')).body as { data: Canned[] }).data.map((c) => c.shortcut), ['bye']);
});

test('every change to labels and canned responses is audited, with ids only', async () => {
  const events = ((await owner.get('/api/v1/audit-events?limit=200')).body as { data: { action: string; target: { type: string } | null; details: Record<string, unknown> }[] }).data;
  const actions = events.map((e) => e.action);
  for (const a of ['label.create', 'label.update', 'label.delete', 'canned_response.create', 'canned_response.update', 'canned_response.delete']) assert.ok(actions.includes(a), a);
  assert.ok(!JSON.stringify(events).includes('Hi there!'), 'no canned text in the audit log');
  assert.equal(events.find((e) => e.action === 'label.update')!.details.conversations, 1);
});
