import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../../test-support/test-app';
import type { HttpClient } from '../../../test-support/http-client';
import { startSenderHarness } from '../../../test-support/sender-harness';

// The send API against the simulator over real HTTP: refusals before anything is queued,
// idempotency, the sender's backoffs and terminal errors.

let t: TestApp;
let api: HttpClient;
let h: Awaited<ReturnType<typeof startSenderHarness>>;
const OPEN = '16315550101';
const CLOSED = '16315550102';
const OPTED_OUT = '16315550103';
const OPTED_IN = '16315550104';

type Msg = { id: string; status: string; wamid: string | null; error?: { code: number | string; title: string | null; class: string; hint: string }; statusHistory: { status: string }[] };

before(async () => {
  t = await startTestApp();
  const owner = await t.signUp();
  api = owner.client;
  h = await startSenderHarness(t, api);
  await h.inbound(OPEN, 'Hello there');
  await h.inbound(OPTED_OUT, 'hi');
  await h.inbound(OPTED_OUT, 'STOP');
  await h.inbound(OPTED_IN, 'START');
  const body = (text: string, example: string[]) => ({ type: 'BODY', text, example: { body_text: [example] } });
  await h.graph.createTemplate({ name: 'spring_sale', language: 'en_US', category: 'MARKETING', components: [body('Hi {{1}}, spring sale: {{2}} off!', ['Ann', '20%'])] } as never);
  await h.graph.createTemplate({ name: 'order_update', language: 'en_US', category: 'UTILITY', components: [body('Your order {{1}} has shipped.', ['A-1'])] } as never);
  await h.graph.createTemplate({ name: 'pending_one', language: 'en_US', category: 'UTILITY', components: [body('Pending {{1}}.', ['x'])] } as never);
  await new Promise((r) => setTimeout(r, 50));
  const pending = (await h.graph.listTemplates()).data.find((x) => x.name === 'pending_one')!;
  h.sim.engine.changeTemplate(pending.id, { status: 'PAUSED' });
  const synced = await api.post('/api/v1/templates/sync', {});
  assert.equal(synced.status, 200, synced.text);
});
after(async () => {
  await h?.close();
  await t?.close();
});

const sale = (to: string) => ({ to, type: 'template', template: { name: 'spring_sale', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ann' }, { type: 'text', text: '20%' }] }] } });
const order = (to: string, ref = 'A-1') => ({ to, type: 'template', template: { name: 'order_update', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: ref }] }] } });

async function message(id: string): Promise<Msg> {
  const r = await api.get(`/api/v1/messages/${id}`);
  assert.equal(r.status, 200, r.text);
  return r.body as Msg;
}

async function sendAndSettle(body: unknown): Promise<Msg> {
  const r = await api.post('/api/v1/messages', body);
  assert.equal(r.status, 202, r.text);
  await h.settle();
  return message((r.body as { id: string }).id);
}

const sentTo = (to: string) => h.sim.engine.listSent(h.number.phoneNumberId, to).sent.filter((s: { failedWithCode?: unknown }) => !s.failedWithCode).length;

test('a free-form message inside the window is queued, then accepted by Graph with our id as callback data', async () => {
  const r = await api.post('/api/v1/messages', { to: `+${OPEN}`, type: 'text', text: { body: 'Hi, how can we help?', preview_url: false } });
  assert.equal(r.status, 202, r.text);
  const accepted = r.body as { id: string; status: string; conversationId: string; contactId: string };
  assert.equal(accepted.status, 'queued');
  assert.ok(accepted.conversationId && accepted.contactId);
  await h.settle();
  const m = await message(accepted.id);
  assert.ok(['accepted', 'sent', 'delivered'].includes(m.status), m.status);
  assert.ok(m.wamid);
  assert.equal(sentTo(OPEN), 1);
  // By contactId too, channelId left out (one channel).
  const again = await sendAndSettle({ contactId: accepted.contactId, type: 'reaction', reaction: { message_id: m.wamid, emoji: '👍' } });
  assert.notEqual(again.status, 'queued');
});

test('free-form outside the window → 422 window_closed with when and the template hint; nothing reaches the simulator', async () => {
  const r = await api.post('/api/v1/messages', { to: `+${CLOSED}`, type: 'text', text: { body: 'Hello?' } });
  assert.equal(r.status, 422, r.text);
  const error = (r.body as { error: { code: string; details: { closedAt: string | null; hint: string } } }).error;
  assert.equal(error.code, 'window_closed');
  assert.ok('closedAt' in error.details);
  assert.match(error.details.hint, /template/);
  assert.equal(sentTo(CLOSED), 0);
});

test('a marketing template to an opted-out contact → 409 consent_required and never reaches the simulator', async () => {
  for (const to of [OPTED_OUT, CLOSED]) {
    const r = await api.post('/api/v1/messages', sale(`+${to}`));
    assert.equal(r.status, 409, r.text);
    assert.equal((r.body as { error: { code: string } }).error.code, 'consent_required');
  }
  await h.settle();
  assert.equal(sentTo(OPTED_OUT), 0);
  const ok = await sendAndSettle(sale(`+${OPTED_IN}`));
  assert.ok(ok.wamid, JSON.stringify(ok));
  assert.equal(sentTo(OPTED_IN), 1);
  // A utility template needs no consent and no window.
  const utility = await sendAndSettle(order(`+${CLOSED}`));
  assert.ok(utility.wamid);
});

test('templates: unknown → 404, not approved → 422, wrong parameters → 422 validation_failed', async () => {
  const unknown = await api.post('/api/v1/messages', { to: `+${CLOSED}`, type: 'template', template: { name: 'nope', language: { code: 'en_US' } } });
  assert.equal(unknown.status, 404, unknown.text);
  assert.equal((unknown.body as { error: { code: string } }).error.code, 'template_not_found');
  const paused = await api.post('/api/v1/messages', { to: `+${CLOSED}`, type: 'template', template: { name: 'pending_one', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'x' }] }] } });
  assert.equal(paused.status, 422, paused.text);
  assert.equal((paused.body as { error: { code: string } }).error.code, 'template_not_approved');
  const wrong = await api.post('/api/v1/messages', { to: `+${CLOSED}`, type: 'template', template: { name: 'order_update', language: { code: 'en_US' } } });
  assert.equal(wrong.status, 422, wrong.text);
  assert.equal((wrong.body as { error: { code: string } }).error.code, 'validation_failed');
  const both = await api.post('/api/v1/messages', { to: `+${OPEN}`, contactId: 'x', type: 'text', text: { body: 'x' } });
  assert.equal(both.status, 422);
});

test('Idempotency-Key: a replay returns the first response; another body → 409 idempotency_conflict', async () => {
  const headers = { 'idempotency-key': 'order-A-77' };
  const first = await api.post('/api/v1/messages', order(`+${CLOSED}`, 'A-77'), headers);
  assert.equal(first.status, 202, first.text);
  const replay = await api.post('/api/v1/messages', order(`+${CLOSED}`, 'A-77'), headers);
  assert.equal(replay.status, 202);
  assert.deepEqual(replay.body, first.body);
  const conflict = await api.post('/api/v1/messages', order(`+${CLOSED}`, 'A-78'), headers);
  assert.equal(conflict.status, 409);
  assert.equal((conflict.body as { error: { code: string } }).error.code, 'idempotency_conflict');
  await h.settle();
  assert.equal(h.sim.engine.listSent(h.number.phoneNumberId, CLOSED).sent.filter((s: { body?: unknown }) => JSON.stringify(s.body ?? '').includes('A-77')).length, 1);
});

test('130429 and 131056 are backed off, then sent once', async () => {
  const before = sentTo(OPEN);
  h.sim.engine.armFault(h.number.phoneNumberId, 130429, 2, 'sync');
  const throttled = await sendAndSettle({ to: `+${OPEN}`, type: 'text', text: { body: 'after throughput backoff' } });
  assert.ok(throttled.wamid, JSON.stringify(throttled));
  h.sim.engine.armFault(h.number.phoneNumberId, 131056, 1, 'sync');
  const started = Date.now();
  const paced = await sendAndSettle({ to: `+${OPEN}`, type: 'text', text: { body: 'after pair-rate backoff' } });
  assert.ok(paced.wamid, JSON.stringify(paced));
  assert.ok(Date.now() - started >= 700, 'waited about 4^0 s before retrying the pair');
  assert.equal(sentTo(OPEN), before + 2);
});

test('a terminal error is shown on the message with code, title, class and hint', async () => {
  h.sim.engine.armFault(h.number.phoneNumberId, 130403, 1, 'sync');
  const m = await sendAndSettle({ to: `+${OPEN}`, type: 'text', text: { body: 'blocked' } });
  assert.equal(m.status, 'failed');
  assert.equal(m.error?.code, 130403);
  assert.equal(m.error?.class, 'terminal');
  assert.ok(m.error?.hint && m.error.title !== undefined);
});

test('POST /api/v1/templates lints, submits, and the approval webhook makes the template sendable', async () => {
  const bad = await api.post('/api/v1/templates', { name: 'bad_one', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your code {{2}}', example: { body_text: [['x']] } }] });
  assert.equal(bad.status, 422, bad.text);
  assert.equal((bad.body as { error: { code: string } }).error.code, 'validation_failed');
  const created = await api.post('/api/v1/templates', { name: 'shipping_note', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Order {{1}} left our warehouse.', example: { body_text: [['A-9']] } }] });
  assert.equal(created.status, 201, created.text);
  await new Promise((r) => setTimeout(r, 50));
  await h.settle();
  const list = (await api.get('/api/v1/templates')).body as { data: { name: string; status: string }[] };
  assert.equal(list.data.find((x) => x.name === 'shipping_note')?.status, 'APPROVED');
  const sent = await sendAndSettle({ to: `+${CLOSED}`, type: 'template', template: { name: 'shipping_note', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'A-9' }] }] } });
  assert.ok(sent.wamid, JSON.stringify(sent));
});
