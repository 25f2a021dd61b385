import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { HttpClient } from '../../test-support/http-client';
import { startSenderHarness } from '../../test-support/sender-harness';
import { startCampaignRunner } from './run-campaigns';

// Pause and cancel take effect at dispatch (at most the request already on the wire leaves the
// number afterwards), resume sends the rest exactly once, and a marketing send whose recipient
// withdrew consent after it was queued is never sent and shows as skipped in the funnel.

let t: TestApp;
let api: HttpClient;
let h: Awaited<ReturnType<typeof startSenderHarness>>;
let runner: ReturnType<typeof startCampaignRunner>;

type View = { id: string; status: string; funnel: Record<string, number> & { skippedByReason: Record<string, number>; failedByCode: Record<string, number> } };

// Slow enough that the 50 sends left after STEADY take 5 s: a pause or cancel answered late on a
// loaded machine still lands before the campaign's end.
const MPS = 10;
/** When each send request left the product for the simulator (undici's dispatch: the request goes on the wire). */
const leftAt: number[] = [];

/**
 * Sends seen before pausing: past the stream's opening burst (its bucket starts with half a second
 * of tokens, all on the wire at once), so what is on the wire at the pause is the steady one request.
 */
const STEADY = 10;

before(async () => {
  t = await startTestApp();
  api = (await t.signUp()).client;
  h = await startSenderHarness(t, api, { label: 'control', throughputMps: 80 });
  // 10 per second: one request every 100 ms, so "the one already on the wire" is a single request.
  assert.equal((await api.patch(`/api/v1/channels/${h.channelId}`, { throughputMps: MPS })).status, 200);
  const agent = t.container.channels.transport.dispatcher;
  const dispatch = agent.dispatch.bind(agent);
  agent.dispatch = (options, handler) => {
    if (options.method === 'POST' && String(options.path).endsWith('/messages')) leftAt.push(Date.now());
    return dispatch(options, handler);
  };
  runner = startCampaignRunner(t.container.campaigns, { pollMs: 20, onQueued: h.sender.wake });
  const body = (text: string, example: string[]) => ({ type: 'BODY', text, example: { body_text: [example] } });
  await h.graph.createTemplate({ name: 'notice', language: 'en_US', category: 'UTILITY', components: [body('Notice {{1}}.', ['1'])] } as never);
  await h.graph.createTemplate({ name: 'promo', language: 'en_US', category: 'MARKETING', components: [body('Hi {{1}}!', ['Ann'])] } as never);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal((await api.post('/api/v1/templates/sync', {})).status, 200);
});
after(async () => {
  await runner?.stop();
  await h?.close();
  await t?.close();
});

async function contacts(prefix: string, n: number, tag: string, consent = false): Promise<string[]> {
  const phones = Array.from({ length: n }, (_, i) => `+1415${prefix}${String(i).padStart(4, '0')}`);
  for (let i = 0; i < phones.length; i += 10) {
    await Promise.all(phones.slice(i, i + 10).map(async (phone) => {
      const r = await api.post('/api/v1/contacts', { phone, name: `C ${phone.slice(-4)}`, tags: [tag] });
      assert.equal(r.status, 201, r.text);
      if (consent) assert.equal((await api.post(`/api/v1/contacts/${(r.body as { id: string }).id}/consent`, { purpose: 'marketing', granted: true, source: 'api' })).status, 201);
    }));
  }
  return phones.map((p) => p.slice(1));
}

async function campaign(name: string, tag: string, template = 'notice'): Promise<string> {
  const components = [{ type: 'body', parameters: [{ type: 'text', text: template === 'notice' ? '7' : '{{contact.name}}' }] }];
  const r = await api.post('/api/v1/campaigns', { name, template: { name: template, language: 'en_US', components }, audience: { tags: [tag] } });
  assert.equal(r.status, 201, r.text);
  return (r.body as View).id;
}

const sentTo = (phones: string[]) => {
  const counts = h.sim.engine.listSent(h.number.phoneNumberId).countsByRecipient;
  return phones.reduce((a, p) => a + (counts[p] ?? 0), 0);
};

const totalSent = () => h.sim.engine.listSent(h.number.phoneNumberId).sent.length;

async function until<T>(what: string, get: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: never happened (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const view = async (id: string) => (await api.get(`/api/v1/campaigns/${id}`)).body as View;
const inflightOf = async (id: string) =>
  Number((await sql<{ n: number }>`select count(*) as n from outbound_queue where campaign_id = ${id} and state = 'inflight'`.execute(t.database.db)).rows[0]!.n);

test('pause stops dispatch within one request; resume sends the rest, each recipient exactly once', async () => {
  const phones = await contacts('55501', 60, 'pause');
  const id = await campaign('Pause me', 'pause');
  assert.equal((await api.post(`/api/v1/campaigns/${id}/start`)).status, 200);
  await until('steady sending', () => sentTo(phones), (n) => n >= STEADY);
  const paused = await api.post(`/api/v1/campaigns/${id}/pause`);
  assert.equal(paused.status, 200, paused.text);
  const atAck = leftAt.length;
  // Long enough for a dozen sends at 10 per second, had the sender gone on with what it claimed.
  await new Promise((r) => setTimeout(r, 1_500));
  assert.ok(leftAt.length - atAck <= 1, `after the pause was acknowledged ${leftAt.length - atAck} more requests left for the number`);
  await until('the simulator received every request that left, and no other', () => totalSent(), (n) => n === leftAt.length);
  const afterPause = sentTo(phones);
  assert.ok(afterPause < phones.length, 'the pause came before the end');
  await until('claimed but unsent rows back in the queue, answered ones written', () => inflightOf(id), (n) => n === 0);
  assert.equal((await view(id)).status, 'paused');

  assert.equal((await api.post(`/api/v1/campaigns/${id}/resume`)).status, 200);
  await until('completion', () => view(id), (v) => v.status === 'completed');
  await h.settle();
  const counts = h.sim.engine.listSent(h.number.phoneNumberId).countsByRecipient;
  assert.deepEqual(phones.filter((p) => counts[p] !== 1), [], 'every recipient got exactly one message');
  const done = await until('statuses', () => view(id), (v) => v.funnel.sent === phones.length);
  assert.equal(done.funnel.failed, 0);
});

test('cancel stops dispatch within one request; unsent sends end cancelled, counted as skipped', async () => {
  const phones = await contacts('55502', 60, 'cancel');
  const id = await campaign('Cancel me', 'cancel');
  assert.equal((await api.post(`/api/v1/campaigns/${id}/start`)).status, 200);
  await until('steady sending', () => sentTo(phones), (n) => n >= STEADY);
  assert.equal((await api.post(`/api/v1/campaigns/${id}/cancel`)).status, 200);
  const atAck = leftAt.length;
  await new Promise((r) => setTimeout(r, 1_500));
  assert.ok(leftAt.length - atAck <= 1, `after the cancel was acknowledged ${leftAt.length - atAck} more requests left for the number`);
  await until('the simulator received every request that left, and no other', () => totalSent(), (n) => n === leftAt.length);
  const sent = sentTo(phones);
  await h.settle();
  const counts = h.sim.engine.listSent(h.number.phoneNumberId).countsByRecipient;
  assert.ok(phones.every((p) => (counts[p] ?? 0) <= 1), 'nobody got a message twice');
  const v = await until('funnel', () => view(id), (x) => x.funnel.sent === sent);
  assert.equal(v.status, 'cancelled');
  assert.equal(v.funnel.total, phones.length);
  assert.equal(v.funnel.skipped, phones.length - sent, 'every unsent recipient shows as skipped');
  assert.equal(v.funnel.skippedByReason.campaign_cancelled, phones.length - sent);
  assert.equal(v.funnel.queued, 0);
  assert.equal(v.funnel.failed, 0);
  const left = await sql<{ n: number }>`select count(*) as n from outbound_queue where campaign_id = ${id}`.execute(t.database.db);
  assert.equal(Number(left.rows[0]!.n), 0, 'nothing of a cancelled campaign stays queued');
});

test('consent withdrawn after a marketing send was queued: not sent, skipped in the funnel', async () => {
  const phones = await contacts('55503', 20, 'promo', true);
  const id = await campaign('Promo', 'promo', 'promo');
  assert.equal((await api.post(`/api/v1/campaigns/${id}/start`)).status, 200);
  const queuedCount = async () => Number((await sql<{ n: number }>`select count(*) as n from campaign_recipients where campaign_id = ${id} and state = 'queued'`.execute(t.database.db)).rows[0]!.n);
  await until('every recipient queued', queuedCount, (n) => n === phones.length);
  // Held while the customer opts out, so the withdrawal lands between queueing and dispatch.
  assert.equal((await api.post(`/api/v1/campaigns/${id}/pause`)).status, 200);
  const counts = h.sim.engine.listSent(h.number.phoneNumberId).countsByRecipient;
  const queued = await sql<{ contact_id: string }>`select q.contact_id from outbound_queue q where q.campaign_id = ${id} and q.state = 'pending' order by q.message_id desc limit 1`.execute(t.database.db);
  const optedOut = queued.rows[0]?.contact_id;
  assert.ok(optedOut, 'a send is still queued');
  const phone = ((await api.get(`/api/v1/contacts/${optedOut}`)).body as { phone: string }).phone.slice(1);
  assert.equal(counts[phone] ?? 0, 0);
  assert.equal((await api.post(`/api/v1/contacts/${optedOut}/consent`, { purpose: 'marketing', granted: false, source: 'api' })).status, 201);
  assert.equal((await api.post(`/api/v1/campaigns/${id}/resume`)).status, 200);
  await until('completion', () => view(id), (v) => v.status === 'completed');
  await h.settle();
  const after = h.sim.engine.listSent(h.number.phoneNumberId).countsByRecipient;
  assert.equal(after[phone] ?? 0, 0, 'the customer who opted out got nothing');
  assert.deepEqual(phones.filter((p) => p !== phone && after[p] !== 1), [], 'the others got exactly one');
  const v = await until('funnel', () => view(id), (x) => x.funnel.sent === phones.length - 1);
  assert.equal(v.funnel.skipped, 1);
  assert.equal(v.funnel.skippedByReason.consent_withdrawn, 1);
  assert.equal(v.funnel.failed, 0);
});
