import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { HttpClient } from '../../test-support/http-client';
import { startSenderHarness } from '../../test-support/sender-harness';

// GET /api/v1/campaigns: newest first, each with its funnel, paged, and only the caller's workspace.

let t: TestApp;
let api: HttpClient;
let h: Awaited<ReturnType<typeof startSenderHarness>>;

type Page = { data: { id: string; name: string; status: string; funnel: { total: number; skipped: number } }[]; nextCursor: string | null };

before(async () => {
  t = await startTestApp();
  api = (await t.signUp()).client;
  h = await startSenderHarness(t, api, { label: 'campaign' });
  await h.graph.createTemplate({ name: 'hello', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello there.' }] } as never);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal((await api.post('/api/v1/templates/sync', {})).status, 200);
  for (const phone of ['+14155550131', '+14155550132']) assert.equal((await api.post('/api/v1/contacts', { phone, tags: ['list'] })).status, 201);
});
after(async () => {
  await h?.close();
  await t?.close();
});

test('lists campaigns newest first with their funnels, a page at a time, to their workspace only', async () => {
  const names = ['First', 'Second', 'Third'];
  for (const name of names) {
    const r = await api.post('/api/v1/campaigns', { name, template: { name: 'hello', language: 'en_US' }, audience: { tags: ['list'] } });
    assert.equal(r.status, 201, r.text);
  }
  const first = (await api.get('/api/v1/campaigns?limit=2')).body as Page;
  assert.deepEqual(first.data.map((c) => c.name), ['Third', 'Second']);
  assert.equal(first.data[0]!.funnel.total, 2);
  assert.equal(first.data[0]!.status, 'draft');
  assert.ok(first.nextCursor);
  const second = (await api.get(`/api/v1/campaigns?limit=2&cursor=${first.nextCursor}`)).body as Page;
  assert.deepEqual(second.data.map((c) => c.name), ['First']);
  assert.equal(second.nextCursor, null);

  const other = (await t.signUp()).client;
  assert.deepEqual(((await other.get('/api/v1/campaigns')).body as Page).data, []);
});
