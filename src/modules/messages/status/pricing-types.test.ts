import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test-support/test-app';
import type { HttpClient } from '../../../test-support/http-client';
import { startSenderHarness } from '../../../test-support/sender-harness';
import { startCampaignRunner } from '../../campaigns';

// Meta's typed status fields arriving with the wrong type (`pricing.billable: "yes"`, a code as
// text) are coerced or dropped where they become columns, so no campaign page can fail on them
// later ("invalid input syntax for type boolean"); pricing stored before that is read safely too.

let t: TestApp;
let api: HttpClient;
let h: Awaited<ReturnType<typeof startSenderHarness>>;
let runner: ReturnType<typeof startCampaignRunner>;

before(async () => {
  t = await startTestApp();
  api = (await t.signUp()).client;
  h = await startSenderHarness(t, api, { label: 'campaign' });
  runner = startCampaignRunner(t.container.campaigns, { pollMs: 20, onQueued: h.sender.wake });
  await h.graph.createTemplate({ name: 'hello', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello there.' }] } as never);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal((await api.post('/api/v1/templates/sync', {})).status, 200);
  assert.equal((await api.post('/api/v1/contacts', { phone: '+14155550141', tags: ['list'], attributes: {} })).status, 201);
});
after(async () => {
  await runner?.stop();
  await h?.close();
  await t?.close();
});

async function status(value: Record<string, unknown>) {
  const raw = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: h.number.wabaId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: h.number.displayPhoneNumber, phone_number_id: h.number.phoneNumberId }, statuses: [value] } }] }] }));
  const signature = `sha256=${createHmac('sha256', h.number.appSecret).update(raw).digest('hex')}`;
  const r = await fetch(`${t.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw });
  assert.equal(r.status, 200);
  await h.settle();
}

test('pricing.billable as a string and error codes as text never break a campaign page', async () => {
  const created = await api.post('/api/v1/campaigns', { name: 'Typed', template: { name: 'hello', language: 'en_US' }, audience: { tags: ['list'] } });
  assert.equal(created.status, 201, created.text);
  const id = (created.body as { id: string }).id;
  assert.equal((await api.post(`/api/v1/campaigns/${id}/start`)).status, 200);
  const deadline = Date.now() + 20_000;
  while (((await api.get(`/api/v1/campaigns/${id}`)).body as { status: string }).status !== 'completed') {
    assert.ok(Date.now() < deadline, 'the campaign completes');
    await new Promise((r) => setTimeout(r, 50));
  }
  await h.settle();
  const db = t.container.database.db;
  const [message] = (await sql<{ id: string; wamid: string }>`select id, wamid from messages where direction = 'outbound' and wamid is not null`.execute(db)).rows;
  assert.ok(message, 'the campaign sent its message');

  // The first pricing seen is kept: clear it so this status's pricing is the one stored.
  await sql`update messages set pricing = null where id = ${message.id}`.execute(db);
  const now = Math.floor(Date.now() / 1000);
  await status({ id: message.wamid, status: 'read', timestamp: String(now + 5), recipient_id: '14155550141', pricing: { billable: 'yes', pricing_model: 'PMP', category: 'marketing' } });
  await status({ id: message.wamid, status: 'failed', timestamp: String(now + 6), recipient_id: '14155550141', errors: [{ code: '131049', title: 'Not delivered', error_data: { details: 'healthy ecosystem' } }] });
  const [stored] = (await sql<{ pricing: Record<string, unknown>; error: { code: unknown } }>`select pricing, error from messages where id = ${message.id}`.execute(db)).rows;
  assert.deepEqual(stored!.pricing, { category: 'marketing', model: 'PMP' }, 'an unreadable billable is dropped, not stored as text');
  assert.equal(stored!.error.code, 131049, 'an error code sent as digits is stored as a number');
  for (const path of ['/api/v1/campaigns', `/api/v1/campaigns/${id}`]) assert.equal((await api.get(path)).status, 200, path);

  // Pricing stored before this coercion may still hold a string: the funnel reads it without failing.
  await sql`update messages set pricing = ${JSON.stringify({ billable: 'unknown', category: 'marketing' })}::jsonb where id = ${message.id}`.execute(db);
  for (const path of ['/api/v1/campaigns', `/api/v1/campaigns/${id}`]) {
    const r = await api.get(path);
    assert.equal(r.status, 200, `${path}: ${r.text}`);
  }
  const view = (await api.get(`/api/v1/campaigns/${id}`)).body as { cost: { actual: number } };
  assert.equal(view.cost.actual, 0, 'a billable that is no boolean bills nothing');
});
