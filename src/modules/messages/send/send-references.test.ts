import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../../test-support/test-app';
import type { HttpClient } from '../../../test-support/http-client';
import { startSenderHarness } from '../../../test-support/sender-harness';

// What a send names, checked against the workspace over real HTTP and the simulator: a reply's
// context.message_id (our id → its wamid), media ids of ours, and one audit entry per accepted send.

let t: TestApp;
let api: HttpClient;
let agent: HttpClient;
let agentKeyId: string;
let userId: string;
let h: Awaited<ReturnType<typeof startSenderHarness>>;
const ANN = '16315550201';
const BOB = '16315550202';

type Msg = { id: string; wamid: string | null; contactId: string; media?: { id: string }[] };

before(async () => {
  t = await startTestApp();
  const owner = await t.signUp();
  api = owner.client;
  userId = owner.userId;
  const key = await t.apiKey(api, 'agent');
  agent = key.client;
  agentKeyId = key.id;
  h = await startSenderHarness(t, api);
  await h.inbound(ANN, 'Where is my order?');
  await h.inbound(BOB, 'Hello from Bob');
  h.sim.engine.injectInbound({ phoneNumberId: h.number.phoneNumberId, from: ANN, type: 'image', image: { caption: 'receipt', mime_type: 'image/jpeg' } } as never);
  await h.settle();
});
after(async () => {
  await h?.close();
  await t?.close();
});

const inboundOf = async (from: string, type: string) => {
  const contactId = ((await api.get(`/api/v1/contacts?q=${from}`)).body as { data: { id: string }[] }).data[0]!.id;
  const messages = ((await api.get(`/api/v1/messages?contactId=${contactId}&direction=inbound`)).body as { data: (Msg & { type: string })[] }).data;
  return messages.find((m) => m.type === type)!;
};
const sentTo = (to: string) => h.sim.engine.listSent(h.number.phoneNumberId, to).sent as { body: { context?: { message_id: string }; text?: { body: string } } }[];
const code = (r: { body: unknown }) => (r.body as { error: { code: string } }).error.code;

test('a reply may quote our message id: Meta receives its wamid; a wamid passes as is', async () => {
  const question = await inboundOf(ANN, 'text');
  assert.match(question.wamid!, /^wamid\./);
  const r = await api.post('/api/v1/messages', { to: ANN, type: 'text', text: { body: 'It ships today' }, context: { message_id: question.id } });
  assert.equal(r.status, 202, r.text);
  const byWamid = await agent.post('/api/v1/messages', { to: ANN, type: 'text', text: { body: 'And arrives tomorrow' }, context: { message_id: question.wamid } });
  assert.equal(byWamid.status, 202, byWamid.text);
  await h.settle();
  const sent = sentTo(ANN);
  assert.equal(sent.find((s) => s.body.text?.body === 'It ships today')?.body.context?.message_id, question.wamid);
  assert.equal(sent.find((s) => s.body.text?.body === 'And arrives tomorrow')?.body.context?.message_id, question.wamid);
});

test('a reaction may name our message id: Meta receives its wamid (our id as is would fail with 131009)', async () => {
  const question = await inboundOf(ANN, 'text');
  const r = await api.post('/api/v1/messages', { to: ANN, type: 'reaction', reaction: { message_id: question.id, emoji: '👍' } });
  assert.equal(r.status, 202, r.text);
  const unknown = await api.post('/api/v1/messages', { to: ANN, type: 'reaction', reaction: { message_id: '01937a2b-3333-7000-8000-000000000000', emoji: '👍' } });
  assert.equal(unknown.status, 422, unknown.text);
  assert.equal(code(unknown), 'context_message_not_found');
  await h.settle();
  const reactions = (h.sim.engine.listSent(h.number.phoneNumberId, ANN).sent as { body: { type: string; reaction?: { message_id: string; emoji: string } } }[]).filter((s) => s.body.type === 'reaction');
  assert.deepEqual(reactions.map((s) => s.body.reaction), [{ message_id: question.wamid, emoji: '👍' }]);
});

test('a reply to an unknown id, or to a message of another chat, is refused before anything is queued', async () => {
  const before = sentTo(ANN).length;
  const unknown = await api.post('/api/v1/messages', { to: ANN, type: 'text', text: { body: 'x' }, context: { message_id: '01937a2b-0000-7000-8000-000000000000' } });
  assert.equal(unknown.status, 422, unknown.text);
  assert.equal(code(unknown), 'context_message_not_found');
  const bobs = await inboundOf(BOB, 'text');
  const crossed = await api.post('/api/v1/messages', { to: ANN, type: 'text', text: { body: 'y' }, context: { message_id: bobs.id } });
  assert.equal(crossed.status, 422, crossed.text);
  assert.equal(code(crossed), 'context_message_not_found');
  await h.settle();
  assert.equal(sentTo(ANN).length, before);
  const queued = ((await api.get('/api/v1/messages?direction=outbound&limit=200')).body as { data: { content?: { text?: { body: string } } }[] }).data;
  assert.ok(!queued.some((m) => ['x', 'y'].includes(m.content?.text?.body ?? '')), 'no message stored for a refusal');
});

test('media ids of ours must be media of this workspace; Meta media ids pass through', async () => {
  const photo = await inboundOf(ANN, 'image');
  const ours = photo.media![0]!.id;
  const ok = await api.post('/api/v1/messages', { to: ANN, type: 'image', image: { id: ours, caption: 'your receipt' } });
  assert.equal(ok.status, 202, ok.text);
  const meta = await api.post('/api/v1/messages', { to: ANN, type: 'document', document: { id: '1013859600285441', filename: 'a.pdf' } });
  assert.equal(meta.status, 202, meta.text);
  const missing = await api.post('/api/v1/messages', { to: ANN, type: 'image', image: { id: '01937a2b-1111-7000-8000-000000000000' } });
  assert.equal(missing.status, 422);
  assert.equal(code(missing), 'media_not_found');
  assert.deepEqual((missing.body as { error: { details: unknown } }).error.details, { mediaIds: ['01937a2b-1111-7000-8000-000000000000'] });
  const inTemplate = await api.post('/api/v1/messages', { to: ANN, type: 'template', template: { name: 'any', language: { code: 'en_US' }, components: [{ type: 'header', parameters: [{ type: 'image', image: { id: '01937a2b-2222-7000-8000-000000000000' } }] }] } });
  assert.equal(inTemplate.status, 422, inTemplate.text);
  assert.equal(code(inTemplate), 'media_not_found', 'template parameters are checked too');

  const other = await t.signUp();
  const foreign = await other.client.post('/api/v1/messages', { to: ANN, type: 'image', image: { id: ours } });
  assert.equal(foreign.status, 422, 'another workspace cannot send our media');
  assert.equal(code(foreign), 'media_not_found');
});

test('each accepted send is audited once, by user or API key; an idempotent replay adds none', async () => {
  const body = { to: BOB, type: 'text', text: { body: 'audited' } };
  const first = await agent.post('/api/v1/messages', body, { 'idempotency-key': 'audit-once' });
  assert.equal(first.status, 202, first.text);
  assert.equal((await agent.post('/api/v1/messages', body, { 'idempotency-key': 'audit-once' })).status, 202);
  const events = ((await api.get('/api/v1/audit-events?limit=200')).body as { data: { action: string; actor: { type: string; id: string }; target: { type: string; id: string }; details: Record<string, unknown> }[] }).data.filter((e) => e.action === 'message.send');
  const sentIds = events.map((e) => e.target.id);
  assert.equal(sentIds.filter((id) => id === (first.body as { id: string }).id).length, 1, 'one entry for the request and its replay');
  const agentEntry = events.find((e) => e.target.id === (first.body as { id: string }).id)!;
  assert.deepEqual(agentEntry.actor, { type: 'api_key', id: agentKeyId });
  assert.equal(agentEntry.details.type, 'text');
  assert.ok(!JSON.stringify(events).includes('audited'), 'no message text in the audit log');
  assert.ok(events.some((e) => e.actor.type === 'user' && e.actor.id === userId), 'session sends name the user');
  assert.equal(events.length, 6, 'the six accepted sends of this file, refusals not audited');
});

test('a reply to our own message that has no wamid yet is refused with context_message_not_sent', async () => {
  await h.sender.stop();
  const queued = await api.post('/api/v1/messages', { to: BOB, type: 'text', text: { body: 'not sent yet' } });
  assert.equal(queued.status, 202, queued.text);
  const reply = await api.post('/api/v1/messages', { to: BOB, type: 'text', text: { body: 'follow-up' }, context: { message_id: (queued.body as { id: string }).id } });
  assert.equal(reply.status, 422, reply.text);
  assert.equal(code(reply), 'context_message_not_sent');
});
