import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Captured } from '../testing/inbound-harness';
import { useInboundFixture } from '../testing/inbound-fixture';

// At-least-once, unordered delivery: every envelope three times, shuffled, ends in the same state
// as one ordered delivery. Signatures, malformed bodies, a 3 MB batch and account fields.

const fx = useInboundFixture();
const CUSTOMER = '4915150000001';


const count = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(fx.t.container.database.db)).rows[0]!.n);

function shuffle<T>(items: T[], seed = 11): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function graphSend(body: Record<string, unknown>) {
  const r = await fetch(`${fx.h.sim.url}/v24.0/${fx.h.number.phoneNumberId}/messages`, { method: 'POST', headers: { authorization: `Bearer ${fx.h.number.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ messaging_product: 'whatsapp', to: CUSTOMER, ...body }) });
  const json = (await r.json()) as { messages?: { id: string }[] };
  return json.messages?.[0]?.id;
}

test('each envelope delivered three times in shuffled order: no duplicate, statuses end on the ladder top', async () => {
  const inbound = [];
  for (let i = 0; i < 5; i++) inbound.push(fx.h.sim.engine.injectInbound({ phoneNumberId: fx.h.number.phoneNumberId, from: CUSTOMER, profileName: 'Ola', type: 'text', text: { body: `hello ${i}` } } as never).wamid);
  // The simulator posts together whatever falls due together (a 3 ms linger, a 10 ms status wheel), so
  // the envelopes of back-to-back sends depend on their speed: in a warm process (files sharing it) all
  // their statuses can fall in one tick and one POST. Waiting for each send's webhooks makes one per step.
  await fx.h.sim.engine.idle();
  const sent = [];
  for (let i = 0; i < 4; i++) {
    sent.push(await graphSend({ type: 'text', text: { body: `reply ${i}` } }));
    await fx.h.sim.engine.idle();
  }
  fx.h.sim.engine.armFault(fx.h.number.phoneNumberId, 131049, 1, 'async');
  const failed = await graphSend({ type: 'text', text: { body: 'will fail' } });
  const captured: Captured[] = await fx.h.take();
  const posts = fx.h.sim.engine.webhooks.log.list().map((a) => `${a.outcome}:${a.updates}`);
  assert.ok(captured.length >= 6, `one envelope for the inbound messages and one per send at least; posts: ${posts.join(', ')}`);
  for (const c of shuffle([...captured, ...captured, ...captured])) assert.equal((await fx.h.deliver(c)).status, 200);
  await fx.h.process();

  for (const wamid of inbound) assert.equal(((await fx.api.get(`/api/v1/messages?wamid=${wamid}`)).body as { data: unknown[] }).data.length, 1);
  assert.equal(await count('messages'), inbound.length + sent.length + 1, 'one row per wamid');
  for (const wamid of sent) {
    const [m] = ((await fx.api.get(`/api/v1/messages?wamid=${wamid}`)).body as { data: { status: string; type: string; direction: string; statusHistory: { status: string }[]; pricing?: unknown }[] }).data;
    assert.equal(m!.direction, 'outbound');
    assert.equal(m!.type, 'unknown', 'a status for an unknown wamid creates the message');
    assert.equal(m!.status, 'read');
    assert.deepEqual(m!.statusHistory.map((s) => s.status).sort(), ['delivered', 'read', 'sent']);
  }
  const [f] = ((await fx.api.get(`/api/v1/messages?wamid=${failed}`)).body as { data: { status: string; error: { code: number; class: string } }[] }).data;
  assert.equal(f!.status, 'failed');
  assert.equal(f!.error.code, 131049);
  assert.ok(f!.error.class);
  const conversations = (await fx.api.get('/api/v1/conversations')).body as { data: unknown[] };
  assert.equal(conversations.data.length, 1);
});

test('a wrong signature, an unknown number and malformed JSON store nothing', async () => {
  const before = await count('webhook_envelopes');
  const raw = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: fx.h.number.wabaId, changes: [{ field: 'messages', value: { metadata: { phone_number_id: fx.h.number.phoneNumberId }, messages: [] } }] }] }));
  assert.equal((await fx.h.deliver({ raw, signature: fx.h.sign(raw, 'not-the-secret') })).status, 401);
  assert.equal((await fx.h.deliver({ raw, signature: '' })).status, 401);
  const unknown = Buffer.from(raw.toString().replace(fx.h.number.phoneNumberId, '999999999'));
  assert.equal((await fx.h.deliver({ raw: unknown, signature: fx.h.sign(unknown) })).status, 401);
  const broken = Buffer.from('{"object": "whatsapp_business_account", "entry": [');
  const response = await fx.h.deliver({ raw: broken, signature: fx.h.sign(broken) });
  assert.equal(response.status, 400);
  assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'invalid_json');
  assert.equal(await count('webhook_envelopes'), before);
  // The verify handshake.
  const ok = await fetch(`${fx.t.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-${fx.h.number.phoneNumberId}&hub.challenge=1158201444`);
  assert.equal(ok.status, 200);
  assert.equal(await ok.text(), '1158201444');
  assert.equal((await fetch(`${fx.t.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`)).status, 403);
});

test('a 3 MB batch of 1,000 updates is processed completely', async () => {
  const before = await count('messages');
  const now = Math.floor(Date.now() / 1000);
  const messages = Array.from({ length: 1000 }, (_, i) => ({ from: `4917${String(i).padStart(8, '0')}`, id: `wamid.bulk-${now}-${i}`, timestamp: String(now), type: 'text', text: { body: `bulk ${i} ${'x'.repeat(2900)}` } }));
  const contacts = messages.map((m, i) => ({ profile: { name: `Bulk ${i}` }, wa_id: m.from }));
  const raw = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: fx.h.number.wabaId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: fx.h.number.phoneNumberId }, contacts, messages } }] }] }));
  assert.ok(raw.length > 3_000_000, `${raw.length} bytes`);
  assert.equal((await fx.h.deliver({ raw, signature: fx.h.sign(raw) })).status, 200);
  await fx.h.process();
  assert.equal(await count('messages'), before + 1000);
  assert.equal(Number((await sql<{ n: string }>`select count(*) as n from webhook_envelopes where processed_at is null`.execute(fx.t.container.database.db)).rows[0]!.n), 0);
});

test('account fields: template status and quality, throughput upgrade, account update, marketing stop', async () => {
  const e = fx.h.sim.engine;
  e.emitWebhook({ wabaId: fx.h.number.wabaId, field: 'message_template_status_update', value: { event: 'APPROVED', message_template_id: '778899', message_template_name: 'order_update', message_template_language: 'en_US', reason: null, message_template_category: 'UTILITY' } });
  e.emitWebhook({ wabaId: fx.h.number.wabaId, field: 'message_template_quality_update', value: { previous_quality_score: 'GREEN', new_quality_score: 'YELLOW', message_template_id: '778899', message_template_name: 'order_update', message_template_language: 'en_US' } });
  e.emitWebhook({ phoneNumberId: fx.h.number.phoneNumberId, field: 'phone_number_quality_update', value: { event: 'THROUGHPUT_UPGRADE', max_daily_conversations_per_business: 'TIER_UNLIMITED' } });
  e.emitWebhook({ wabaId: fx.h.number.wabaId, field: 'account_update', value: { event: 'ACCOUNT_VIOLATION', violation_info: { violation_type: 'SPAM' } } });
  e.emitWebhook({ phoneNumberId: fx.h.number.phoneNumberId, field: 'user_preferences', value: { contacts: [{ wa_id: CUSTOMER, profile: { name: 'Ola' } }], user_preferences: [{ wa_id: CUSTOMER, detail: 'User requested to stop marketing messages', category: 'marketing_messages', value: 'stop', timestamp: Math.floor(Date.now() / 1000) }] } });
  for (const c of await fx.h.take()) assert.equal((await fx.h.deliver(c)).status, 200);
  await fx.h.process();
  const { rows } = await sql<{ status: string; quality: string; category: string }>`select status, quality, category from templates`.execute(fx.t.container.database.db);
  assert.deepEqual(rows, [{ status: 'APPROVED', quality: 'YELLOW', category: 'UTILITY' }]);
  assert.equal(((await fx.api.get(`/api/v1/channels/${fx.h.channelId}`)).body as { throughputMps: number }).throughputMps, 1000);
  assert.equal(await count('channel_events'), 2, 'quality update and account update recorded (templates have their own table)');
  const contacts = (await fx.api.get(`/api/v1/contacts?q=${CUSTOMER}`)).body as { data: { id: string; marketingConsent: boolean }[] };
  assert.equal(contacts.data.length, 1);
  const ledger = (await fx.api.get(`/api/v1/contacts/${contacts.data[0]!.id}/consent`)).body as { data: { granted: boolean; source: string }[] };
  assert.deepEqual(ledger.data.map((x) => [x.granted, x.source]), [[false, 'meta_user_preferences']]);
});
